import { fieldError } from '@shared/errors/codes';
import type { z } from 'zod';
import { TIMELINE_KINDS } from '@shared/timeline/kinds';
import type { NoteInput, TimelineEntry, TimelineQuery } from '@shared/timeline/schemas';
import type { Deps } from '@server/deps';
import type { Actor } from '@server/http/access';
import { authorOf } from '@server/http/actor';
import { cursorCodec, isTimestamp } from '@server/http/cursor';
import { ConflictError, NotFoundError, ValidationError } from '@server/http/errors';
import type { ContactsService, MergeHooks } from '@server/modules/contacts';
import type { OrgService } from '@server/modules/org';
import type { VehiclesService } from '@server/modules/vehicles';
import * as repo from './repo';

export type TimelineService = ReturnType<typeof createTimelineService>;
type TimelinePage = { items: TimelineEntry[]; nextCursor: string | null };

const KNOWN_KINDS = new Set<string>(TIMELINE_KINDS);
const SUMMARY_MAX = 120;

function parseKinds(value: string | undefined): string[] | null {
  if (!value) return null;
  const kinds = [
    ...new Set(
      value
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean),
    ),
  ];
  const unknown = kinds.filter((k) => !KNOWN_KINDS.has(k));
  if (unknown.length > 0) {
    throw new ValidationError([
      {
        field: 'kinds',
        in: 'querystring',
        ...fieldError('unknown_value', { value: unknown.join(', ') }),
        message: `unknown kind: ${unknown.join(', ')}`,
      },
    ]);
  }
  return kinds.length > 0 ? kinds : null;
}

/** Cursor: the last entry's occurred_at (microseconds, UTC) and id. */
const timelineCursor = cursorCodec(
  (value: unknown): value is [string, number] =>
    Array.isArray(value) && value.length === 2 && isTimestamp(value[0]) && Number.isSafeInteger(value[1]),
);

function parseCursor(cursor: string | undefined): { at: string; id: number } | null {
  if (!cursor) return null;
  const [at, id] = timelineCursor.decode(cursor);
  return { at, id };
}

/** The first line of a note, shortened for the list. */
export function noteSummary(text: string): string {
  const first = text.split(/\r?\n/)[0]!.trim();
  return first.length <= SUMMARY_MAX ? first : `${first.slice(0, SUMMARY_MAX - 1).trimEnd()}…`;
}

/**
 * Reads the history of a contact or a vehicle and takes notes. Other modules
 * write their entries with recordTimeline (service.ts) inside their own
 * transactions.
 */
export function createTimelineService(
  { database, db, clock }: Deps,
  org: OrgService,
  mergeHooks: MergeHooks,
  contacts: ContactsService,
  vehicles: VehiclesService,
) {
  mergeHooks.register('timeline', (tx, sourceId, targetId) => repo.moveEntries(tx, sourceId, targetId));

  async function present(rows: Array<repo.EntryRow | repo.PageRow>): Promise<TimelineEntry[]> {
    const authors = await org.userRefs(rows.map((r) => r.authorId).filter((id): id is string => Boolean(id)));
    return rows.map((r) => {
      const author = r.authorId ? authors.get(r.authorId) : undefined;
      return {
        id: Number(r.id),
        kind: r.kind,
        occurredAt: r.occurredAt.toISOString(),
        author: author ? { id: author.id, displayName: author.displayName } : null,
        summary: r.summary,
        text: r.textKey ? { key: r.textKey, params: r.textParams ?? {} } : null,
        body: r.body,
        data: r.data ?? null,
        sourceType: r.sourceType,
        sourceId: r.sourceId,
        contactId: r.contactId,
        vehicleId: r.vehicleId,
      };
    });
  }

  /** The owner's existence is checked alongside reading the page, not before it: one round trip less to wait for. */
  async function page(
    owner: 'contact_id' | 'vehicle_id',
    ownerId: string,
    query: z.output<typeof TimelineQuery>,
    exists: (id: string) => Promise<boolean>,
    notFound: string,
  ): Promise<TimelinePage> {
    const kinds = parseKinds(query.kinds);
    const after = parseCursor(query.cursor);
    const [found, rows] = await Promise.all([
      exists(ownerId),
      repo.pageOf(database, owner, ownerId, { kinds, after, limit: query.limit + 1 }),
    ]);
    if (!found) throw new NotFoundError(notFound);
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    const nextCursor =
      rows.length > query.limit && last ? timelineCursor.encode([last.cursorAt, Number(last.id)]) : null;
    return { items: await present(items), nextCursor };
  }

  return {
    /** Newest first; kinds filters ("note,call"). */
    async forContact(contactId: string, query: z.output<typeof TimelineQuery>): Promise<TimelinePage> {
      return page('contact_id', contactId, query, contacts.exists, 'Contact');
    },

    async forVehicle(vehicleId: string, query: z.output<typeof TimelineQuery>): Promise<TimelinePage> {
      return page('vehicle_id', vehicleId, query, vehicles.exists, 'Vehicle');
    },

    /** A free-text note on a contact, optionally about one of the vehicles. */
    async addNote(actor: Actor, contactId: string, input: z.output<typeof NoteInput>): Promise<TimelineEntry> {
      const now = clock.now();
      const occurredAt = input.occurredAt ? new Date(input.occurredAt) : now;
      if (occurredAt.getTime() > now.getTime()) {
        throw new ValidationError([
          { field: 'occurredAt', in: 'body', code: 'in_future', message: 'must not be in the future' },
        ]);
      }
      const contact = await contacts.get(contactId);
      if (contact.mergedInto || contact.id !== contactId) {
        const into = contact.mergedInto?.customerNumber ?? contact.customerNumber;
        throw new ConflictError(`This contact was merged into ${into}; add the note there.`);
      }
      if (input.vehicleId && !(await vehicles.exists(input.vehicleId))) {
        throw new ValidationError([
          { field: 'vehicleId', in: 'body', code: 'unknown_vehicle', message: 'unknown vehicle' },
        ]);
      }
      const row = await repo.insertEntry(db, {
        contactId,
        vehicleId: input.vehicleId ?? null,
        kind: 'note',
        occurredAt,
        authorId: authorOf(actor),
        summary: noteSummary(input.text),
        body: input.text,
      });
      const [entry] = await present([row]);
      return entry!;
    },
  };
}
