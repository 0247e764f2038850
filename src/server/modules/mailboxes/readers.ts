import { randomUUID } from 'node:crypto';
import type { ImapFlow } from 'imapflow';
import type { MailboxState } from '@shared/mailboxes/enums';
import type { Deps } from '@server/deps';
import { describeError, imapClient, type PassResult, readPass } from './imap';
import type { Ingest } from './ingest';
import * as repo from './repo';

const MIN_BACKOFF_MS = 2_000;
const MAX_BACKOFF_MS = 5 * 60_000;

/**
 * One mailbox read live: IDLE tells of new mail at once, a poll every `pollSeconds` catches what
 * IDLE missed (and renews the lease), a lost connection is made again after a growing pause.
 * Every callback contains its own errors: a hostile or dead server only ever shows as this
 * mailbox's state, never reaches the process.
 */
class MailboxReader {
  private stopped = false;
  private client: ImapFlow | null = null;
  private timer: NodeJS.Timeout | null = null;
  private wake: (() => void) | null = null;
  private passing: Promise<void> = Promise.resolve();
  private again = false;
  private running = false;
  private failures = 0;

  constructor(
    private readonly deps: Deps,
    private readonly ingest: Ingest,
    private readonly holder: string,
    private mailbox: repo.MailboxRow,
  ) {}

  start(): void {
    void this.loop().catch((error) =>
      this.deps.log.error({ err: error, mailbox: this.mailbox.id }, 'mailbox reader ended'),
    );
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.wake?.();
    await this.client?.logout().catch(() => this.client?.close());
    await this.passing.catch(() => {});
    await repo.releaseLease(this.deps.db, this.mailbox.id, this.holder).catch(() => {});
    await this.setState('disabled', null).catch(() => {});
  }

  /** "Jetzt abrufen": a pass now, on the open connection. */
  fetchNow(): Promise<void> {
    return this.pass();
  }

  private async setState(state: MailboxState, detail: string | null, extra: Partial<repo.MailboxInsert> = {}) {
    await repo.updateMailbox(this.deps.db, this.mailbox.id, {
      state,
      stateDetail: detail,
      stateChangedAt: this.deps.clock.now(),
      ...extra,
    });
  }

  private leaseMs() {
    return Math.max(60_000, this.mailbox.pollSeconds * 3_000);
  }

  private async holdLease(): Promise<boolean> {
    const now = this.deps.clock.now();
    return repo.takeLease(this.deps.db, this.mailbox.id, this.holder, now, new Date(now.getTime() + this.leaseMs()));
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
      this.timer = setTimeout(resolve, ms);
    });
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      try {
        if (!(await this.holdLease())) {
          // Another server process reads this mailbox; look again when its lease may have run out.
          await this.setState('connecting', 'Ein anderer Serverprozess liest dieses Postfach.');
          await this.sleep(this.leaseMs());
          continue;
        }
        await this.session();
        this.failures = 0;
      } catch (error) {
        this.failures += 1;
        const words = describeError(error);
        this.deps.log.warn({ mailbox: this.mailbox.id, err: words }, 'mailbox connection failed');
        await this.setState('error', words, { lastError: words, lastErrorAt: this.deps.clock.now() }).catch(() => {});
      }
      if (this.stopped) break;
      const backoff = Math.min(MAX_BACKOFF_MS, MIN_BACKOFF_MS * 2 ** Math.min(this.failures, 10));
      await this.sleep(this.failures ? backoff : MIN_BACKOFF_MS);
    }
  }

  /** One connection's life: connect, read what waits, then IDLE and poll until it closes. */
  private async session(): Promise<void> {
    await this.setState('connecting', null);
    const client = imapClient(this.mailbox);
    this.client = client;
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    try {
      await client.connect();
      await this.setState('connected', null);
      await this.pass();
      client.on('exists', () => void this.pass());
      const poll = async () => {
        if (this.stopped) return;
        if (!(await this.holdLease().catch(() => false))) {
          await client.logout().catch(() => client.close());
          return;
        }
        await this.pass();
        this.timer = setTimeout(() => void poll(), this.mailbox.pollSeconds * 1000);
      };
      this.timer = setTimeout(() => void poll(), this.mailbox.pollSeconds * 1000);
      await closed;
    } finally {
      if (this.timer) clearTimeout(this.timer);
      this.client = null;
      client.close();
    }
    if (!this.stopped) throw new Error('Die Verbindung zum Mailserver wurde getrennt.');
  }

  /** Passes run one at a time; a wish for another during one runs it once afterwards. */
  private pass(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.passing;
    }
    this.running = true;
    this.passing = (async () => {
      try {
        do {
          this.again = false;
          const client = this.client;
          if (!client || this.stopped) break;
          const result: PassResult = await readPass(this.deps.db, client, this.mailbox, this.ingest);
          if (result.stored > 0) await this.setState('connected', null, { lastMailAt: this.deps.clock.now() });
        } while (this.again && !this.stopped);
      } catch (error) {
        const words = describeError(error);
        this.deps.log.warn({ mailbox: this.mailbox.id, err: words }, 'mailbox pass failed');
        await this.setState('error', words, { lastError: words, lastErrorAt: this.deps.clock.now() }).catch(() => {});
        // The connection may be in any state now: closing it starts a clean one after the pause.
        this.client?.close();
      } finally {
        this.running = false;
      }
    })();
    return this.passing;
  }
}

/** The readers of this process, one per enabled mailbox. */
export function createReaders(deps: Deps, ingest: Ingest) {
  const holder = `${process.pid}-${randomUUID().slice(0, 8)}`;
  const readers = new Map<string, MailboxReader>();

  async function stopOne(id: string) {
    const reader = readers.get(id);
    readers.delete(id);
    await reader?.stop();
  }

  /** Starts, restarts or stops the reader of one mailbox after its settings changed. */
  async function refresh(id: string) {
    await stopOne(id);
    const row = await repo.findMailbox(deps.db, id);
    if (!row?.enabled) return;
    const reader = new MailboxReader(deps, ingest, holder, row);
    readers.set(id, reader);
    reader.start();
  }

  return {
    holder,
    async startAll() {
      for (const row of await repo.listMailboxes(deps.db)) if (row.enabled) await refresh(row.id);
    },
    refresh,
    async stopAll() {
      await Promise.all([...readers.keys()].map(stopOne));
    },
    /** The running reader's pass, or null when this process does not read the mailbox. */
    fetchNow: (id: string) => readers.get(id)?.fetchNow() ?? null,
  };
}
export type Readers = ReturnType<typeof createReaders>;
