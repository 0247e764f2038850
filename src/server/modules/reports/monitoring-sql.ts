import type { MonitoringGroupBy } from '@shared/requests/monitoring';
import { ATTEMPT_CHANNELS, LOST_REASONS, OPEN_STATUSES, type RequestChannel } from '@shared/requests/enums';

export type GroupBy = MonitoringGroupBy;
export type Measure =
  'received' | 'contacted_one_day' | 'late_one_day' | 'contacted' | 'late' | 'open' | 'overdue' | 'done' | 'lost';

/** The requests a report looks at: received in [start, end) at these locations, optionally of one type. */
export interface Cohort {
  start: Date;
  end: Date;
  /** The moment the report describes: the end of the range, or now for a range reaching into today. */
  asOf: Date;
  locationIds: string[];
  type: string | null;
  groupBy: GroupBy;
  now: Date;
  /** The standard's one-working-day deadline per request (see monitoring.ts), as parallel lists. */
  oneDay: { ids: string[]; due: string[] };
}

const TEAM_NAMES: Record<string, string> = {
  sales: 'Verkauf',
  service: 'Service',
  parts: 'Teile & Zubehör',
  administration: 'Verwaltung',
  none: 'ohne Abteilung',
};

const sqlText = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * A request belongs to the team (department at its location) of its assignee;
 * unassigned requests and assignees without a department count for the
 * department the request type belongs to.
 */
const TEAM = `COALESCE(u.department::text, CASE r.type WHEN 'sales_lead' THEN 'sales' WHEN 'service_appointment' THEN 'service' WHEN 'parts' THEN 'parts' ELSE 'none' END)`;

const CHANNEL_NAMES: Record<RequestChannel, string> = {
  phone: 'Telefon',
  email: 'E-Mail',
  letter: 'Brief',
  walk_in: 'Vor Ort',
  web_form: 'Webformular',
  lead_portal: 'Leadportal',
  social_media: 'Social Media',
};

const SOURCE = `NULLIF(btrim(r.source), '')`;
const CAMPAIGN = `NULLIF(btrim(r.campaign), '')`;

/**
 * Where a lead came from: the source a tracking number, portal or web form
 * gave it, and the campaign where known; the same source written in another
 * case is the same source. Requests without either count per channel. The
 * key is a hash, so a long source and campaign still fit a drill-down key.
 */
const ORIGIN = {
  key: `CASE WHEN ${SOURCE} IS NULL AND ${CAMPAIGN} IS NULL THEN 'channel:' || r.channel::text
    ELSE 'source:' || md5(lower(COALESCE(${SOURCE}, '')) || chr(10) || lower(COALESCE(${CAMPAIGN}, ''))) END`,
  label: `CASE WHEN ${SOURCE} IS NULL AND ${CAMPAIGN} IS NULL THEN 'ohne Quelle (' || CASE r.channel::text ${Object.entries(
    CHANNEL_NAMES,
  )
    .map(([k, v]) => `WHEN ${sqlText(k)} THEN ${sqlText(v)}`)
    .join(' ')} END || ')'
    ELSE COALESCE(${SOURCE}, 'ohne Quelle') || COALESCE(' · ' || ${CAMPAIGN}, '') END`,
};

const GROUP_KEY: Record<GroupBy, { key: string; label: string }> = {
  location: { key: 'r.location_id::text', label: 'l.name' },
  team: {
    key: `r.location_id::text || ':' || ${TEAM}`,
    label: `l.name || ' · ' || CASE ${TEAM} ${Object.entries(TEAM_NAMES)
      .map(([k, v]) => `WHEN ${sqlText(k)} THEN ${sqlText(v)}`)
      .join(' ')} END`,
  },
  person: {
    key: `COALESCE(r.assignee_id::text, 'unassigned')`,
    label: `COALESCE(u.first_name || ' ' || u.last_name, 'Nicht zugewiesen')`,
  },
  source: ORIGIN,
};

const OPEN_LIST = OPEN_STATUSES.map(sqlText).join(', ');

/** Not yet done or lost at the report's moment (a later closing does not count). */
const CLOSED_BY_AS_OF_NOT = `NOT (r.status IN ('done', 'lost') AND r.closed_at <= $3)`;

/**
 * Conditions per figure. Whether and when a request was first contacted is
 * judged as of now ($6): a Friday request contacted in time on Monday counts
 * for Friday. Open, overdue, done and lost describe the end of the range ($3).
 * "One day" is the standard's one working day (R3.3, R3.5); "contacted" and
 * "late" compare with the deadline configured for the type, which may be longer.
 */
export const MEASURE_CONDITION: Record<Measure, string> = {
  received: 'TRUE',
  contacted_one_day: 'r.first_contacted_at <= r.one_day_due',
  late_one_day: 'r.one_day_due < $6 AND (r.first_contacted_at IS NULL OR r.first_contacted_at > r.one_day_due)',
  contacted: 'r.first_contacted_at <= COALESCE(r.first_contact_due_at, r.first_contacted_at)',
  late: 'r.first_contact_due_at < $6 AND (r.first_contacted_at IS NULL OR r.first_contacted_at > r.first_contact_due_at)',
  open: CLOSED_BY_AS_OF_NOT,
  overdue: `${CLOSED_BY_AS_OF_NOT} AND r.first_contact_due_at < $3 AND (r.first_contacted_at IS NULL OR r.first_contacted_at > $3)`,
  done: `r.status = 'done' AND r.closed_at <= $3`,
  lost: `r.status = 'lost' AND r.closed_at <= $3`,
};

/** Parameters $1…$8 shared by the report and the drill-down. */
export function cohortParams(c: Cohort): unknown[] {
  return [
    c.start.toISOString(),
    c.end.toISOString(),
    c.asOf.toISOString(),
    c.locationIds,
    c.type,
    c.now.toISOString(),
    c.oneDay.ids,
    c.oneDay.due,
  ];
}

/** The requests of a cohort with where and when they came in: $1 start, $2 end, $3 locations, $4 type, $5 now. */
export const COHORT_RECEIPTS_SQL = `SELECT r.id, r.location_id, r.received_at FROM customer_requests r
  WHERE r.received_at >= $1::timestamptz AND r.received_at < $2::timestamptz AND r.received_at <= $5::timestamptz
    AND r.location_id = ANY($3::uuid[])
    AND ($4::text IS NULL OR r.type::text = $4::text)`;

export const cohortReceiptsParams = (c: Cohort): unknown[] => [
  c.start.toISOString(),
  c.end.toISOString(),
  c.locationIds,
  c.type,
  c.now.toISOString(),
];

export function cohortCte(groupBy: GroupBy): string {
  const g = GROUP_KEY[groupBy];
  return `cohort AS (
    SELECT r.*, ${g.key} AS gkey, ${g.label} AS glabel, $3::timestamptz AS as_of, s.due AS one_day_due
    FROM customer_requests r
    JOIN locations l ON l.id = r.location_id
    LEFT JOIN users u ON u.id = r.assignee_id
    LEFT JOIN unnest($7::uuid[], $8::timestamptz[]) AS s(id, due) ON s.id = r.id
    WHERE r.received_at >= $1::timestamptz AND r.received_at < $2::timestamptz AND r.received_at <= $6::timestamptz
      AND r.location_id = ANY($4::uuid[])
      AND ($5::text IS NULL OR r.type::text = $5::text)
  )`;
}

const count = (condition: string, alias: string) => `count(*) FILTER (WHERE ${condition})::int AS ${alias}`;

/** One query: a row per group and the total row (GROUPING SETS), figures as FILTERed counts. */
export function reportSql(groupBy: GroupBy): string {
  const channelSums = ATTEMPT_CHANNELS.map((ch) => `COALESCE(sum(a.${ch}), 0)::int AS attempts_${ch}`).join(',\n    ');
  const channelCounts = ATTEMPT_CHANNELS.map(
    (ch) => `count(*) FILTER (WHERE ca.channel = ${sqlText(ch)}) AS ${ch}`,
  ).join(', ');
  const lostCounts = LOST_REASONS.map((reason) =>
    count(`${MEASURE_CONDITION.lost} AND r.lost_reason = ${sqlText(reason)}`, `lost_${reason}`),
  ).join(',\n    ');
  return `WITH ${cohortCte(groupBy)},
  a AS (
    SELECT ca.request_id, count(*) AS total, ${channelCounts}
    FROM contact_attempts ca
    WHERE ca.request_id IN (SELECT id FROM cohort)
    GROUP BY ca.request_id
  )
  SELECT
    GROUPING(r.gkey) = 1 AS is_total,
    r.gkey AS key,
    (array_agg(r.glabel ORDER BY r.received_at, r.id))[1] AS label,
    count(*)::int AS received,
    ${count(MEASURE_CONDITION.contacted_one_day, 'contacted_one_day')},
    ${count(MEASURE_CONDITION.contacted, 'contacted')},
    COALESCE(sum(a.total), 0)::int AS attempts,
    ${channelSums},
    ${count(MEASURE_CONDITION.open, 'open')},
    ${count(MEASURE_CONDITION.overdue, 'overdue')},
    ${count(MEASURE_CONDITION.done, 'done')},
    ${count(MEASURE_CONDITION.lost, 'lost')},
    ${lostCounts}
  FROM cohort r
  LEFT JOIN a ON a.request_id = r.id
  GROUP BY GROUPING SETS ((r.gkey), ())
  ORDER BY is_total, label`;
}

/** The requests behind one figure; $9 is the row key (or 'total'). */
export function drillSql(groupBy: GroupBy, measure: Measure, limit: number): string {
  return `WITH ${cohortCte(groupBy)}
  SELECT r.id, r.number, r.type, r.channel, r.subject, r.status, r.priority, r.location_id,
         r.received_at, r.first_contact_due_at, r.first_contacted_at,
         (r.status IN (${OPEN_LIST}) AND r.first_contacted_at IS NULL AND r.first_contact_due_at < $6) AS overdue,
         c.id AS contact_id, c.display_name AS contact_name,
         EXISTS (SELECT 1 FROM contact_blocks b WHERE b.contact_id = c.id AND b.lifted_at IS NULL
                 AND (b.blocked_until IS NULL OR b.blocked_until > $6)) AS blocked,
         r.assignee_id,
         (SELECT count(*)::int FROM contact_attempts ca WHERE ca.request_id = r.id) AS attempt_count,
         -- "Nachname, Vorname" like the customer beside it, as in every list.
         au.last_name || ', ' || au.first_name AS assignee_name
  FROM cohort r
  JOIN contacts c ON c.id = r.contact_id
  LEFT JOIN users au ON au.id = r.assignee_id
  WHERE ($9::text = 'total' OR r.gkey = $9::text) AND ${MEASURE_CONDITION[measure]}
  ORDER BY r.received_at DESC, r.id
  LIMIT ${Math.trunc(limit)}`;
}
