import type { Tx } from '@server/db/client';

/**
 * Other modules own data that points at contacts (vehicles, timeline,
 * requests…). When two contacts are merged, each moves its own rows from the
 * source to the target inside the merge transaction. Contacts never touches
 * their tables; they register a handler here when the services are wired.
 */
export type MergeHandler = (tx: Tx, sourceId: string, targetId: string) => Promise<void>;

export class MergeHooks {
  private readonly handlers: Array<{ name: string; handler: MergeHandler }> = [];

  register(name: string, handler: MergeHandler): void {
    this.handlers.push({ name, handler });
  }

  async run(tx: Tx, sourceId: string, targetId: string): Promise<void> {
    for (const { handler } of this.handlers) await handler(tx, sourceId, targetId);
  }
}
