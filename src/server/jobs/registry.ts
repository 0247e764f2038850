import { checkedPayload, type JobContext, type JobDefinition } from './definition';
import type { Recurrence } from './recurrence';

/** What the worker needs of a registered kind; `bind` checks a stored payload against the kind's schema. */
export interface RegisteredJob {
  kind: string;
  maxAttempts: number;
  backoff: (attempt: number) => number;
  transactional: boolean;
  recurrence?: Recurrence;
  /** Throws JobPayloadError when the stored payload does not fit; otherwise the handler, ready to run. */
  bind(payload: unknown): (ctx: JobContext) => Promise<void>;
}

/** The handlers this process knows; every process registers the same ones at start-up. */
export class JobRegistry {
  private readonly jobs = new Map<string, RegisteredJob>();

  register<P>(definition: JobDefinition<P>): void {
    const { kind, maxAttempts, backoff, transactional } = definition;
    if (this.jobs.has(kind)) throw new Error(`job kind "${kind}" is registered twice`);
    this.jobs.set(kind, {
      kind,
      maxAttempts,
      backoff,
      transactional,
      bind: (payload) => {
        const checked = checkedPayload(definition, payload);
        return (ctx) => definition.handler(checked, ctx);
      },
    });
  }

  setRecurrence(kind: string, recurrence: Recurrence): void {
    const job = this.jobs.get(kind);
    if (!job) throw new Error(`register job kind "${kind}" before giving it a schedule`);
    job.recurrence = recurrence;
  }

  get(kind: string): RegisteredJob | undefined {
    return this.jobs.get(kind);
  }

  recurring(): RegisteredJob[] {
    return [...this.jobs.values()].filter((d) => d.recurrence);
  }
}

/** The unique key of a recurring kind's next run. */
export const recurringKey = (kind: string) => `every:${kind}`;
