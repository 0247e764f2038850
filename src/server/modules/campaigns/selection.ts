import { sql, type SQL } from 'drizzle-orm';
import type { CampaignChannel, SelectionCount, SelectionFilter } from '@shared/campaigns/schemas';
import { addDays, monthsBefore, phaseDeliveryRange } from '@shared/lifecycle/phase-range';
import type { DbOrTx } from '@server/db/client';
import { type ReachChannel, selectionSql } from '@server/modules/contacts';
import { hasVehicleCriteria, holderIdsSql, holdingConditionsSql, type VehicleCriteria } from '@server/modules/vehicles';

/*
 * A campaign selection as one SQL statement: contacts' criteria and the holders of the matching
 * vehicles, read through the two modules' read models. Lifecycle phases and vehicle
 * age become ranges of dates computed here from "today" (Europe/Berlin), so the database walks
 * date indexes instead of computing every vehicle's phase.
 */

function yearsBefore(day: string, years: number): string {
  return monthsBefore(day, years * 12);
}

export function vehicleCriteria(filter: SelectionFilter, today: string): VehicleCriteria {
  return {
    deliveryRanges: filter.phases.map((p) => phaseDeliveryRange(p, today)),
    brands: filter.brands,
    models: filter.models,
    fuels: filter.fuels,
    // At least ageMin whole years: registered on or before today minus ageMin years.
    firstRegistrationTo: filter.ageMin != null ? yearsBefore(today, filter.ageMin) : null,
    // At most ageMax whole years: registered after today minus (ageMax + 1) years.
    firstRegistrationFrom: filter.ageMax != null ? addDays(yearsBefore(today, filter.ageMax + 1), 1) : null,
    financingEndFrom: filter.financingEndFrom ?? null,
    financingEndTo: filter.financingEndTo ?? null,
  };
}

const CONSENT_CHANNEL: Record<CampaignChannel, ReachChannel> = { letter: 'letter', email: 'email', call: 'phone' };

const addressOf: Record<CampaignChannel, SQL> = {
  letter: selectionSql.hasAddress,
  email: selectionSql.hasEmail,
  call: selectionSql.hasPhone,
};

export interface SelectionContext {
  channel: CampaignChannel;
  filter: SelectionFilter;
  now: Date;
  today: string;
}

function matchingWhere({ filter, today }: SelectionContext): SQL {
  const vehicles = vehicleCriteria(filter, today);
  const where = [selectionSql.where(filter)];
  if (hasVehicleCriteria(vehicles)) where.push(sql`r.contact_id IN (${holderIdsSql(vehicles)})`);
  return sql.join(where, sql` AND `);
}

/** Why each matching contact would be left out: blocked, consent, has_address. */
function reasons({ channel, now }: SelectionContext): SQL {
  return sql`${selectionSql.blocked(now)} AS blocked,
             ${selectionSql.marketingConsent(CONSENT_CHANNEL[channel])} AS consent,
             ${addressOf[channel]} AS has_address`;
}

/**
 * The matching contacts with why each would be left out, for the rows a preview shows and a
 * start freezes. The count reads the same criteria and reasons from the read models alone.
 */
function matching(ctx: SelectionContext, extraColumns: SQL = sql``): SQL {
  return sql`SELECT c.id, c.display_name, c.customer_number, ${reasons(ctx)} ${extraColumns}
               FROM ${selectionSql.from}
              WHERE ${matchingWhere(ctx)}`;
}

async function rows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/**
 * The live count: one statement, whatever the filter. Its estimated cost crosses PostgreSQL's JIT
 * threshold on a large data set, and compiling costs more than the count itself (a few hundred
 * milliseconds on every keystroke), so it runs with JIT off in its own transaction. Telling tens
 * of thousands of customers apart needs a larger hash than the default working memory: without
 * it the count spills to disk.
 */
export async function countSelection(db: DbOrTx, ctx: SelectionContext): Promise<SelectionCount> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL jit = off`);
    await tx.execute(sql`SET LOCAL work_mem = '32MB'`);
    return countIn(tx, ctx);
  });
}

/**
 * The contacts a selection matches, each once, with why each would be left out. With vehicle
 * criteria it reads campaign_audience, a holding's vehicle criteria beside its holder's reach: a
 * phase is one index range carrying every column. Its rows bear the reach columns under the names
 * of contact_reach, so the contacts' fragments apply to it as they do to `r` there.
 */
function countedContacts(ctx: SelectionContext): SQL {
  const vehicles = vehicleCriteria(ctx.filter, ctx.today);
  const contactWhere = selectionSql.where(ctx.filter);
  if (!hasVehicleCriteria(vehicles))
    return sql`SELECT ${reasons(ctx)} FROM ${selectionSql.reach} WHERE ${contactWhere}`;
  return sql.join(
    holdingConditionsSql(vehicles, 'r').map(
      (where) =>
        sql`SELECT DISTINCT r.contact_id, ${reasons(ctx)} FROM campaign_audience r WHERE ${where} AND ${contactWhere}`,
    ),
    sql` UNION `,
  );
}

async function countIn(db: DbOrTx, ctx: SelectionContext): Promise<SelectionCount> {
  const [row] = await rows<Record<string, number>>(
    db,
    sql`SELECT count(*)::int AS matching,
               count(*) FILTER (WHERE m.blocked)::int AS blocked,
               count(*) FILTER (WHERE NOT m.blocked AND NOT m.consent)::int AS without_consent,
               count(*) FILTER (WHERE NOT m.blocked AND m.consent AND NOT m.has_address)::int AS without_address
          FROM (${countedContacts(ctx)}) m`,
  );
  const matchingCount = Number(row?.matching ?? 0);
  const blocked = Number(row?.blocked ?? 0);
  const withoutConsent = Number(row?.without_consent ?? 0);
  const withoutAddress = Number(row?.without_address ?? 0);
  return {
    matching: matchingCount,
    blocked,
    withoutConsent,
    withoutAddress,
    recipients: matchingCount - blocked - withoutConsent - withoutAddress,
  };
}

export interface PreviewRow {
  id: string;
  display_name: string;
  customer_number: string;
  blocked: boolean;
  consent: boolean;
  has_address: boolean;
}

/** How many contacts by name the preview looks through for recipients to show first. */
const PREVIEW_WINDOW = 500;

/**
 * The first recipients by name, then those left out, each with why: by name alone, a selection that
 * leaves most out would show only people it does not reach. It looks through the first
 * PREVIEW_WINDOW contacts by name only, which a name index serves at once; sorting the whole
 * selection by reach would cost as much as the live count beside it, on every change.
 */
export async function previewSelection(db: DbOrTx, ctx: SelectionContext, limit: number): Promise<PreviewRow[]> {
  return rows<PreviewRow>(
    db,
    sql`SELECT w.* FROM (${matching(ctx)} ORDER BY c.display_name, c.id LIMIT ${PREVIEW_WINDOW}) w
         ORDER BY (NOT w.blocked AND w.consent AND w.has_address) DESC, w.display_name, w.id
         LIMIT ${limit}`,
  );
}

/**
 * Freezes the recipients of a campaign: every matching contact who is not blocked, consents and
 * can be reached, copied with name and address, in name order. Returns how many.
 */
export async function freezeRecipients(db: DbOrTx, campaignId: string, ctx: SelectionContext): Promise<number> {
  const columns = sql`, ${selectionSql.nameColumns}, ${selectionSql.email} AS email, ${selectionSql.phone} AS phone,
                        ${selectionSql.address} AS address`;
  const [row] = await rows<{ n: number }>(
    db,
    sql`WITH inserted AS (
          INSERT INTO campaign_recipients (campaign_id, contact_id, customer_number, salutation, title, first_name,
                 last_name, company_name, display_name, email, phone, street, postal_code, city, country,
                 unsubscribe_token)
          SELECT ${campaignId}::uuid, m.contact_id, m.customer_number, m.salutation, m.title, m.first_name,
                 m.last_name, m.company_name, m.display_name, m.email, m.phone, m.address->>'street',
                 m.address->>'postalCode', m.address->>'city', m.address->>'country',
                 replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')
            FROM (${matching(ctx, columns)}) m
           WHERE NOT m.blocked AND m.consent AND m.has_address
           ORDER BY m.display_name, m.id
          RETURNING 1)
        SELECT count(*)::int AS n FROM inserted`,
  );
  return Number(row?.n ?? 0);
}
