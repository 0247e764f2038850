import type { z } from 'zod';
import { can } from '@shared/auth/policies';
import type { BlockPolicy, CustomerMessage, InboxQuery, MessageListQuery } from '@shared/messages/schemas';
import type { Deps } from '@server/deps';
import { assertLocation, hasLocation, type UserActor } from '@server/http/access';
import { cursorCodec, isTimestamp, isUuid } from '@server/http/cursor';
import { ConflictError, ForbiddenError, NotFoundError } from '@server/http/errors';
import { recordAudit } from '@server/modules/audit';
import { unblockContactIn } from '@server/modules/contacts';
import { fromLocal } from '@server/lib/zoned-time';
import { createMessageWriter, type MessagesDeps, mayRead } from './create';
import { blockPolicyOf, enteringCandidates, mayLiftBlock } from './policy';
import { presentMessages } from './presenters';
import { messageForBoard } from './read-model';
import * as repo from './repo';

export type MessagesService = ReturnType<typeof createMessagesService>;

const cursor = cursorCodec(
  (v: unknown): v is [string, string] => Array.isArray(v) && v.length === 2 && isTimestamp(v[0]) && isUuid(v[1]),
);
const decode = (c: string | undefined): repo.Position | null => {
  if (!c) return null;
  const [at, id] = cursor.decode(c);
  return { createdAt: new Date(at), id };
};
/** One more row than asked tells whether there is a next page. */
function page<T extends { createdAt: Date; id: string }>(rows: T[], limit: number) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? cursor.encode([last.createdAt.toISOString(), last.id]) : null,
  };
}
/** Midnight in Berlin at the start of a calendar day. */
function berlinMidnight(day: string, plusDays = 0): Date {
  const [y, m, d] = day.split('-').map(Number);
  return fromLocal(y!, m!, d! + plusDays, 0, 'Europe/Berlin');
}

/**
 * Internal customer messages (R1.1–R1.6): written once, never answered; the responsible
 * colleague acknowledges them in their inbox, anyone involved may archive them, and the
 * customer's timeline keeps them either way.
 */
export function createMessagesService(deps: Deps, messagesDeps: MessagesDeps) {
  const { db, clock } = deps;
  const { org, board, mergeHooks } = messagesDeps;
  mergeHooks.register('messages', (tx, sourceId, targetId) => repo.moveContact(tx, sourceId, targetId));
  const write = createMessageWriter(deps, messagesDeps);
  const present = (rows: repo.MessageRow[]) => presentMessages(db, org, rows, board.threadsOfMessages);
  const one = async (row: repo.MessageRow) => (await present([row]))[0]!;
  /** Changes in a transaction, presented after it: on PGlite a read beside a running transaction waits for it. */
  const presentAfter = async (
    change: (tx: Parameters<Parameters<typeof db.transaction>[0]>[0]) => Promise<repo.MessageRow>,
  ) => one(await db.transaction(change));

  async function readable(actor: UserActor, id: string, forUpdate = false, tx = db) {
    const row = await repo.findMessage(tx, id, forUpdate);
    if (!row) throw new NotFoundError('Message');
    if (!mayRead(actor, row)) throw new ForbiddenError('This message belongs to another location.');
    return row;
  }

  return {
    async create(actor: UserActor, input: Parameters<typeof write>[1]): Promise<CustomerMessage> {
      if (!can(actor.role, 'messages.write')) throw new ForbiddenError();
      return one(await write(actor, input));
    },

    async get(actor: UserActor, id: string): Promise<CustomerMessage> {
      return one(await readable(actor, id));
    },

    /** "Meine Nachrichten": the caller's messages not archived, by default only those not yet acknowledged. */
    async inbox(actor: UserActor, query: z.output<typeof InboxQuery>) {
      const limit = query.limit ?? 50;
      const rows = await repo.inboxPage(db, actor.userId, {
        acknowledged: query.acknowledged === 'true',
        after: decode(query.cursor),
        limit: limit + 1,
      });
      const { items, nextCursor } = page(rows, limit);
      return { items: await present(items), nextCursor };
    },

    /** Managers: a location's messages by type, responsible, customer and period (Berlin days, `to` inclusive). */
    async list(actor: UserActor, query: z.output<typeof MessageListQuery>) {
      if (query.locationId) assertLocation(actor, query.locationId);
      const limit = query.limit ?? 50;
      const rows = await repo.listPage(
        db,
        {
          locationIds: query.locationId ? [query.locationId] : actor.role === 'admin' ? null : actor.locationIds,
          type: query.type,
          responsibleId: query.responsibleId,
          contactId: query.contactId,
          from: query.from ? berlinMidnight(query.from) : undefined,
          to: query.to ? berlinMidnight(query.to, 1) : undefined,
          archived: query.archived === 'all' ? null : query.archived === 'true',
        },
        decode(query.cursor),
        limit + 1,
      );
      const { items, nextCursor } = page(rows, limit);
      return { items: await present(items), nextCursor };
    },

    /** The responsible (or a manager of the location) confirms having read it. */
    async acknowledge(actor: UserActor, id: string): Promise<CustomerMessage> {
      return presentAfter(async (tx) => {
        const row = await readable(actor, id, true, tx);
        const manager = can(actor.role, 'messages.manage') && hasLocation(actor, row.locationId);
        if (row.responsibleId !== actor.userId && !manager)
          throw new ForbiddenError('Only the responsible colleague acknowledges a message.');
        if (row.acknowledgedAt) return row;
        return repo.updateMessage(tx, id, { acknowledgedAt: clock.now(), acknowledgedById: actor.userId });
      });
    },

    /** Hides it from inboxes and lists (R1.6); the customer's timeline keeps it. */
    async archive(actor: UserActor, id: string): Promise<CustomerMessage> {
      return presentAfter(async (tx) => {
        const row = await readable(actor, id, true, tx);
        const manager = can(actor.role, 'messages.manage') && hasLocation(actor, row.locationId);
        if (row.responsibleId !== actor.userId && row.enteredById !== actor.userId && !manager)
          throw new ForbiddenError('Only the responsible colleague, who entered it or a manager archives a message.');
        if (row.archived) return row;
        return repo.updateMessage(tx, id, { archived: true, archivedAt: clock.now(), archivedById: actor.userId });
      });
    },

    /** A pending unblock, confirmed by someone the location's policy lets lift a block: the block ends now. */
    async confirmUnblock(actor: UserActor, id: string): Promise<CustomerMessage> {
      return presentAfter(async (tx) => {
        const row = await readable(actor, id, true, tx);
        assertLocation(actor, row.locationId);
        if (!mayLiftBlock(await blockPolicyOf(tx, row.locationId), actor.role))
          throw new ForbiddenError('At this location your role may not lift a block.');
        if (row.unblockState !== 'pending') throw new ConflictError('This message has no unblock waiting.');
        const now = clock.now();
        await unblockContactIn(tx, actor, row.contactId, row.text, now, {
          messageId: id,
          requestedBy: row.createdById,
        });
        return repo.updateMessage(tx, id, { unblockState: 'done', confirmedById: actor.userId, confirmedAt: now });
      });
    },

    /**
     * "An das Board": a thread in the location's board channel quoting the message, linked both
     * ways; whoever may read the message may take it there. Asked again, the same thread.
     */
    async toBoard(actor: UserActor, id: string): Promise<{ threadId: string; created: boolean }> {
      await readable(actor, id);
      return db.transaction(async (tx) => {
        const message = await messageForBoard(tx, id);
        if (!message) throw new NotFoundError('Message');
        return board.threadFromMessageIn(tx, {
          messageId: message.messageId,
          locationId: message.locationId,
          contactId: message.contactId,
          customerNumber: message.customerNumber,
          customerName: message.customerName,
          text: message.quote,
          authorId: actor.userId,
        });
      });
    },

    async policy(actor: UserActor, locationId: string): Promise<BlockPolicy> {
      assertLocation(actor, locationId);
      return blockPolicyOf(db, locationId);
    },

    async setPolicy(actor: UserActor, locationId: string, policy: BlockPolicy): Promise<BlockPolicy> {
      assertLocation(actor, locationId);
      const now = clock.now();
      await db.transaction(async (tx) => {
        await repo.savePolicy(tx, { locationId, ...policy, updatedById: actor.userId, updatedAt: now });
        await recordAudit(tx, now, actor, {
          action: 'messages.block_policy_changed',
          entityType: 'location',
          entityId: locationId,
          data: policy,
        });
      });
      return policy;
    },

    /** Who the form offers as entering employee at the location (see mayEnterFor). */
    async people(actor: UserActor, locationId: string) {
      assertLocation(actor, locationId);
      const people = await enteringCandidates(db, locationId);
      return { items: people.map((p) => ({ id: p.id, displayName: p.displayName })) };
    },
  };
}
