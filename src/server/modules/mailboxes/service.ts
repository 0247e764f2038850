import type { z } from 'zod';
import type { ConnectionTestInput, Mailbox, MailboxInput, MailboxUpdate } from '@shared/mailboxes/schemas';
import { can } from '@shared/auth/policies';
import type { Deps } from '@server/deps';
import { assertLocation, hasLocation, type UserActor } from '@server/http/access';
import { ConflictError, ForbiddenError, NotFoundError } from '@server/http/errors';
import type { OrgService } from '@server/modules/org';
import type { RequestsService } from '@server/modules/requests';
import { describeError, imapClient, type PassOptions, readPass, testConnection } from './imap';
import { createIngest } from './ingest';
import { createReaders } from './readers';
import { inboundMailsOfRequest } from './read-model';
import * as repo from './repo';

export interface MailboxesDeps {
  requests: RequestsService;
  org: OrgService;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** A mailbox as the browser sees it: everything but the password. */
export function presentMailbox(row: repo.MailboxRow): Mailbox {
  const { secret, leaseHolder: _h, leaseUntil: _u, createdAt: _c, updatedAt: _up, ...rest } = row;
  return {
    ...rest,
    secretStored: Boolean(secret),
    stateChangedAt: iso(row.stateChangedAt),
    lastMailAt: iso(row.lastMailAt),
    lastErrorAt: iso(row.lastErrorAt),
  };
}

/**
 * Mailboxes read into requests (R0.6): their set-up for admins, their state for managers,
 * the readers of this process, and the mails a request came with.
 */
export function createMailboxesService(deps: Deps, modules: MailboxesDeps) {
  const maxBytes = deps.config.mailIn?.maxBytes ?? 25 * 1024 * 1024;
  const ingest = createIngest(deps, modules.requests, maxBytes);
  const readers = createReaders(deps, ingest);

  async function load(id: string): Promise<repo.MailboxRow> {
    const row = await repo.findMailbox(deps.db, id);
    if (!row) throw new NotFoundError('Mailbox');
    return row;
  }

  function assertManage(actor: UserActor) {
    if (!can(actor.role, 'mailboxes.manage')) throw new ForbiddenError();
  }

  /**
   * One pass over a mailbox with a connection of its own, under the mailbox's lease: "jetzt
   * abrufen" for a mailbox this process does not read live, the tests and the benchmark.
   */
  async function passOnce(row: repo.MailboxRow, options: PassOptions = {}) {
    const holder = `${readers.holder}-once`;
    const now = deps.clock.now();
    if (!(await repo.takeLease(deps.db, row.id, holder, now, new Date(now.getTime() + 10 * 60_000)))) {
      throw new ConflictError('Another server process is reading this mailbox right now; try again in a moment.');
    }
    const client = imapClient(row);
    try {
      await client.connect();
      const result = await readPass(deps.db, client, row, ingest, options);
      if (result.stored > 0) await repo.updateMailbox(deps.db, row.id, { lastMailAt: deps.clock.now() });
      return result;
    } catch (error) {
      const words = describeError(error);
      await repo.updateMailbox(deps.db, row.id, { lastError: words, lastErrorAt: deps.clock.now() });
      throw error;
    } finally {
      await client.logout().catch(() => client.close());
      await repo.releaseLease(deps.db, row.id, holder);
    }
  }

  return {
    readers,
    ingest,
    passOnce,

    async list(actor: UserActor): Promise<Mailbox[]> {
      const rows = await repo.listMailboxes(deps.db);
      return rows.filter((r) => hasLocation(actor, r.locationId)).map(presentMailbox);
    },

    async get(actor: UserActor, id: string): Promise<Mailbox> {
      const row = await load(id);
      assertLocation(actor, row.locationId);
      return presentMailbox(row);
    },

    async create(actor: UserActor, input: z.output<typeof MailboxInput>): Promise<Mailbox> {
      assertManage(actor);
      await modules.org.getLocation(input.locationId);
      const row = await repo.insertMailbox(deps.db, { ...input, state: 'disabled' });
      if (deps.config.mailIn?.run !== false) await readers.refresh(row.id);
      return presentMailbox(row);
    },

    async update(actor: UserActor, id: string, input: z.output<typeof MailboxUpdate>): Promise<Mailbox> {
      assertManage(actor);
      const before = await load(id);
      if (input.locationId) await modules.org.getLocation(input.locationId);
      const afterProcessing = input.afterProcessing ?? before.afterProcessing;
      const moveToFolder = input.moveToFolder !== undefined ? input.moveToFolder : before.moveToFolder;
      if (afterProcessing === 'move' && !moveToFolder) {
        throw new ConflictError('Name the folder processed mails are moved to.');
      }
      const set = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
      const row = (await repo.updateMailbox(deps.db, id, {
        ...set,
        ...(input.enabled === false ? { state: 'disabled' as const, stateDetail: null } : {}),
        updatedAt: deps.clock.now(),
      }))!;
      if (deps.config.mailIn?.run !== false) await readers.refresh(id);
      return presentMailbox(row);
    },

    async test(actor: UserActor, input: z.output<typeof ConnectionTestInput>) {
      assertManage(actor);
      const stored = input.mailboxId ? await load(input.mailboxId) : null;
      const secret = input.secret ?? stored?.secret ?? null;
      return testConnection({ ...input, secret });
    },

    /** The mails a request came with: whoever may read the request may read them. */
    async mailsOfRequest(actor: UserActor, requestId: string) {
      await modules.requests.get(actor, requestId);
      return inboundMailsOfRequest(deps.db, requestId);
    },

    /** The mail as it arrived, for download. */
    async original(actor: UserActor, id: string) {
      const mail = await repo.inboundRaw(deps.db, id);
      if (!mail?.requestId) throw new NotFoundError('Mail');
      await modules.requests.get(actor, mail.requestId);
      return mail;
    },

    async fetchNow(actor: UserActor, id: string) {
      assertManage(actor);
      const row = await load(id);
      const live = readers.fetchNow(id);
      if (live) {
        await live;
        return { seen: 0, stored: 0 };
      }
      const result = await passOnce(row).catch((error) => {
        if (error instanceof ConflictError) throw error;
        throw new ConflictError(`The mailbox could not be read: ${describeError(error)}`);
      });
      return { seen: result.seen, stored: result.stored };
    },
  };
}

export type MailboxesService = ReturnType<typeof createMailboxesService>;
