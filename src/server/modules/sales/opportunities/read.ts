import { type SQL, sql } from 'drizzle-orm';
import { OPPORTUNITY_STAGES } from '@shared/sales/enums';
import type { CurrentOffer, OpportunitySummary } from '@shared/sales/opportunity-schemas';
import { type DbOrTx, rows } from '@server/db/client';
import { activitiesSql, berlinDay } from '@server/modules/activities';
import { contactsSql } from '@server/modules/contacts';
import { usersSql } from '@server/modules/org';

/** How many cards a board column shows (oldest in stage first); the count and value cover all. */
export const BOARD_COLUMN_LIMIT = 50;

const DAY_MS = 86_400_000;

/** The columns every summary reads: names, the next open activity and the current offer, in the same statement. */
const summaryColumns = sql.raw(`o.id, o.number, o.contact_id, o.owner_id, o.location_id, o.stage, o.status,
  o.interest_kind, o.interest_make, o.interest_model, o.interest_description, o.source, o.campaign,
  o.expected_value_cents, o.expected_close_on, o.stage_changed_at, o.version,
  ${contactsSql.displayName('o.contact_id')} AS contact_name,
  ${contactsSql.customerNumber('o.contact_id')} AS customer_number,
  (SELECT ${usersSql.fullName('u')} FROM ${usersSql.table} u WHERE u.id = o.owner_id) AS owner_name,
  ${activitiesSql.nextOpenJson('o.contact_id')} AS next_activity`);

/** The latest offer version of the opportunity aliased `o`, as JSON. */
const currentOfferJson = sql.raw(`(SELECT json_build_object('id', f.id, 'version', f.version, 'status', f.status,
    'grossCents', f.gross_cents, 'monthlyRateCents', f.monthly_rate_cents, 'validUntil', f.valid_until)
    FROM offers f WHERE f.opportunity_id = o.id ORDER BY f.version DESC LIMIT 1) AS current_offer`);

export interface SummaryRow {
  id: string;
  number: string;
  contact_id: string;
  owner_id: string;
  location_id: string;
  stage: string;
  status: string;
  interest_kind: string;
  interest_make: string | null;
  interest_model: string | null;
  interest_description: string | null;
  source: string | null;
  campaign: string | null;
  expected_value_cents: string | number | null;
  expected_close_on: string | Date | null;
  stage_changed_at: string | Date;
  version: number;
  contact_name: string | null;
  customer_number: string | null;
  owner_name: string | null;
  next_activity: unknown;
  current_offer?: unknown;
}

const json = <T>(value: unknown): T | null =>
  value == null ? null : typeof value === 'string' ? (JSON.parse(value) as T) : (value as T);

const dateOnly = (v: string | Date | null) =>
  v == null ? null : typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10);

/** "VW ID.4", or the customer's words when only described. */
export function interestLabel(r: Pick<SummaryRow, 'interest_make' | 'interest_model' | 'interest_description'>) {
  const car = [r.interest_make, r.interest_model].filter(Boolean).join(' ');
  return car || (r.interest_description ?? '').slice(0, 80);
}

export function presentSummary(r: SummaryRow, now: Date): OpportunitySummary {
  const changed = new Date(r.stage_changed_at);
  const next = json<{
    id: string;
    type: string;
    subject: string;
    startsAt: string;
    allDay: boolean;
    dueOn: string | null;
  }>(r.next_activity);
  return {
    id: r.id,
    number: r.number,
    contact: { id: r.contact_id, displayName: r.contact_name ?? '—', customerNumber: r.customer_number ?? '' },
    owner: { id: r.owner_id, displayName: r.owner_name ?? '—' },
    locationId: r.location_id,
    stage: r.stage as OpportunitySummary['stage'],
    status: r.status as OpportunitySummary['status'],
    interestKind: r.interest_kind as OpportunitySummary['interestKind'],
    interest: interestLabel(r),
    source: r.source,
    campaign: r.campaign,
    expectedValueCents: r.expected_value_cents == null ? null : Number(r.expected_value_cents),
    expectedCloseOn: dateOnly(r.expected_close_on),
    stageChangedAt: changed.toISOString(),
    daysInStage: Math.max(0, Math.floor((now.getTime() - changed.getTime()) / DAY_MS)),
    nextActivity: next
      ? {
          id: next.id,
          type: next.type,
          subject: next.subject,
          startsAt: new Date(next.startsAt).toISOString(),
          overdue:
            next.allDay && next.dueOn ? next.dueOn < berlinDay(now) : new Date(next.startsAt).getTime() < now.getTime(),
        }
      : null,
    version: Number(r.version),
  };
}

export function presentOffer(value: unknown): CurrentOffer | null {
  const offer = json<CurrentOffer>(value);
  if (!offer) return null;
  return {
    ...offer,
    grossCents: offer.grossCents == null ? null : Number(offer.grossCents),
    monthlyRateCents: offer.monthlyRateCents == null ? null : Number(offer.monthlyRateCents),
    validUntil: String(offer.validUntil).slice(0, 10),
  };
}

/**
 * The board of a location in one statement: each stage's count and value over all open
 * opportunities, and its first cards (longest in stage first) with names and next activity.
 * Reads the (location, status, stage) index; the per-card subqueries run only for the cards shown.
 */
export async function boardRows(db: DbOrTx, q: { locationId: string; ownerId?: string }) {
  const owner = q.ownerId ? sql`AND o.owner_id = ${q.ownerId}` : sql``;
  return rows<SummaryRow & { stage_count: number | string; stage_value: number | string | null }>(
    db,
    sql`WITH open AS (
          SELECT o.id, o.stage, o.stage_changed_at, o.expected_value_cents,
                 row_number() OVER (PARTITION BY o.stage ORDER BY o.stage_changed_at, o.id) AS place,
                 count(*) OVER (PARTITION BY o.stage) AS stage_count,
                 sum(o.expected_value_cents) OVER (PARTITION BY o.stage) AS stage_value
            FROM opportunities o
           WHERE o.location_id = ${q.locationId} AND o.status = 'open' ${owner})
        SELECT ${summaryColumns}, open.stage_count, open.stage_value
          FROM open JOIN opportunities o ON o.id = open.id
         WHERE open.place <= ${BOARD_COLUMN_LIMIT}
         ORDER BY open.stage_changed_at, o.id`,
  );
}

export { OPPORTUNITY_STAGES };

/** Opportunities filtered by location(s), consultant, stage, status and source, newest first, with total and value. */
export async function listRows(
  db: DbOrTx,
  filter: SQL,
  page: { limit: number; offset: number },
): Promise<{ rows: SummaryRow[]; total: number; valueCents: number }> {
  const found = await rows<SummaryRow & { total: number | string; value_total: number | string | null }>(
    db,
    sql`WITH hit AS (SELECT o.id, o.created_at,
                            count(*) OVER () AS total, sum(o.expected_value_cents) FILTER (WHERE o.status = 'open') OVER () AS value_total
                       FROM opportunities o WHERE ${filter}
                      ORDER BY o.created_at DESC, o.id LIMIT ${page.limit} OFFSET ${page.offset})
        SELECT ${summaryColumns}, hit.total, hit.value_total
          FROM hit JOIN opportunities o ON o.id = hit.id
         ORDER BY hit.created_at DESC, o.id`,
  );
  return {
    rows: found,
    total: Number(found[0]?.total ?? 0),
    valueCents: Number(found[0]?.value_total ?? 0),
  };
}

/** One opportunity with its summary columns and current offer. */
export async function detailRow(db: DbOrTx, id: string) {
  const [found] = await rows<SummaryRow>(
    db,
    sql`SELECT ${summaryColumns}, ${currentOfferJson} FROM opportunities o WHERE o.id = ${id}`,
  );
  return found ?? null;
}

/** A customer's open opportunities with their current offer (R0.7), newest first. */
export async function customerRows(db: DbOrTx, contactId: string) {
  return rows<SummaryRow>(
    db,
    sql`SELECT ${summaryColumns}, ${currentOfferJson} FROM opportunities o
         WHERE o.contact_id = ${contactId} AND o.status = 'open' ORDER BY o.created_at DESC LIMIT 50`,
  );
}
