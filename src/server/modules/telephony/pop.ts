import { OPEN_STATUSES } from '@shared/requests/enums';
import type { CallPop, PopCandidate } from '@shared/telephony/schemas';
import type { Database } from '@server/db/client';
import { contactsSql } from '@server/modules/contacts';
import { usersSql } from '@server/modules/org';
import { openRequestsOfContactJson } from '@server/modules/requests';
import { recentEntriesOfContactJson } from '@server/modules/timeline';
import { currentVehiclesOfContactJson } from '@server/modules/vehicles';
import { type CallerMatch, identifyCaller } from './caller-id';
import { isLookupable } from './numbers';
import { customerNumberOf } from './sink';
import { type CallView, toCall } from './view';

/** What the user reads while saying hello: a handful of each, newest first. */
const OPEN_REQUESTS = 5;
const INTERACTIONS = 5;
const VEHICLES = 5;
const INTERACTION_KINDS = ['call', 'email', 'letter', 'visit', 'message', 'request', 'note'];

interface CandidateRow {
  id: string;
  display_name: string;
  customer_number: string;
  kind: 'person' | 'company';
  company_name: string | null;
  block: { reason: string; since: string; until: string | null } | null;
  consultant_id: string | null;
  consultant_name: string | null;
  advisor_id: string | null;
  advisor_name: string | null;
  open_requests: PopCandidate['openRequests'] | null;
  interactions: PopCandidate['lastInteractions'] | null;
  vehicles: Array<{ id: string; make: string; model: string; plate: string | null }> | null;
}

/**
 * Everything about the candidates in one statement: per contact a handful of
 * index probes (blocks, open requests by contact, timeline by contact,
 * current vehicle links), aggregated to JSON so the round trip stays one.
 * Each owner publishes its part of the SQL in its read model.
 */
const CANDIDATES_SQL = `
  SELECT c.id, c.display_name, c.customer_number, c.kind, co.display_name AS company_name,
    ${contactsSql.currentBlockJson('c.id', '$2')} AS block,
    sc.id AS consultant_id, ${usersSql.fullName('sc')} AS consultant_name,
    sa.id AS advisor_id, ${usersSql.fullName('sa')} AS advisor_name,
    ${openRequestsOfContactJson('c.id', '$3', OPEN_REQUESTS)} AS open_requests,
    ${recentEntriesOfContactJson('c.id', '$4', INTERACTIONS)} AS interactions,
    ${currentVehiclesOfContactJson('c.id', VEHICLES)} AS vehicles
  FROM ${contactsSql.table} c
  LEFT JOIN ${contactsSql.table} co ON co.id = c.company_id
  LEFT JOIN ${usersSql.table} sc ON sc.id = c.sales_consultant_id
  LEFT JOIN ${usersSql.table} sa ON sa.id = c.service_advisor_id
  WHERE c.id = ANY($1::uuid[])`;

const iso = (value: string | null) => (value === null ? null : new Date(value).toISOString());
const json = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

export async function loadPop(database: Database, view: CallView, now: Date): Promise<CallPop> {
  const number = customerNumberOf({ direction: view.direction, fromNumber: view.fromNumber, toNumber: view.toNumber });
  const ids = view.contact ? [view.contact.id] : view.matchedContactIds;
  const [identity, rows] = await Promise.all([
    identifyCaller(database, number),
    ids.length > 0
      ? database.query<CandidateRow>(CANDIDATES_SQL, [ids, now, OPEN_STATUSES, INTERACTION_KINDS])
      : Promise.resolve([] as CandidateRow[]),
  ]);
  const matches = new Map<string, CallerMatch>(identity.matches.map((m) => [m.contactId, m]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const candidates = ids
    .map((id) => byId.get(id))
    .filter((r): r is CandidateRow => r !== undefined)
    .map((r): PopCandidate => {
      const match = matches.get(r.id);
      const block = json(r.block);
      return {
        id: r.id,
        displayName: r.display_name,
        customerNumber: r.customer_number,
        kind: r.kind,
        matchedBy: match?.matchedBy ?? 'exact',
        matchedNumber: match?.matchedNumber ?? number ?? '',
        companyName: r.company_name,
        block: block ? { reason: block.reason, since: iso(block.since)!, until: iso(block.until) } : null,
        regularConsultant: r.consultant_id ? { id: r.consultant_id, displayName: r.consultant_name ?? '' } : null,
        regularAdvisor: r.advisor_id ? { id: r.advisor_id, displayName: r.advisor_name ?? '' } : null,
        openRequests: (json(r.open_requests) ?? []).map((q) => ({ ...q, firstContactDueAt: iso(q.firstContactDueAt) })),
        lastInteractions: (json(r.interactions) ?? []).map((i) => ({ ...i, occurredAt: iso(i.occurredAt)! })),
        vehicles: (json(r.vehicles) ?? []).map((v) => ({
          id: v.id,
          label: [v.make, v.model].join(' ') + (v.plate ? ` · ${v.plate}` : ''),
          plate: v.plate,
        })),
      };
    });
  return { call: toCall(view), candidates, lookedUp: isLookupable(number) };
}
