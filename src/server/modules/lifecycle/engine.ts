import { sql } from 'drizzle-orm';
import type { LifecycleRunResult, LifecycleTrigger } from '@shared/lifecycle/rules';
import { type DbOrTx, rows } from '@server/db/client';
import { planAllDayTasksFrom } from '@server/modules/activities';
import { deputyOnSql, presentOnSql } from '@server/modules/assignment';
import { blockedSql, consentGrantedSql, regularStaffSql } from '@server/modules/contacts';
import { userPlanningSql } from '@server/modules/org';
import { vehicleLifecycleSql } from '@server/modules/vehicles';
import { phaseSql } from './phase-sql';
import { type LifecycleRuleRow, readDailyCap } from './repo';
import { triggerSql } from './triggers';

/*
 * The nightly lifecycle run, set-based: one INSERT … SELECT per rule finds what is due among
 * all vehicles, then a handful of UPDATEs settle the due actions (skip with a reason, pick the
 * person or their deputy, keep each person's daily cap, plan the activities). The unique index
 * on (rule, vehicle, occurrence) and the run lock make every action happen exactly once, across
 * re-runs, restarts and two processes.
 */

/** Any constant: runs of the whole group take turns. */
const RUN_LOCK = 72_231_008;

export async function runLifecycle(
  tx: DbOrTx,
  rules: LifecycleRuleRow[],
  today: string,
  now: Date,
  /** Told how long each step took (the benchmark prints it). */
  onStep?: (step: string, ms: number) => void,
): Promise<LifecycleRunResult> {
  const timed = async <T>(step: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    onStep?.(step, performance.now() - started);
    return result;
  };
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${RUN_LOCK})`);
  let found = 0;
  for (const rule of rules.filter((r) => r.enabled))
    found += await timed(`find ${rule.defaultKey ?? rule.name}`, () => findDue(tx, rule, today, now));
  // The rows just added are invisible to the planner's statistics; without them it joins them row by row.
  if (found > 0) await timed('analyze', () => tx.execute(sql`ANALYZE lifecycle_actions`));
  const skippedEarly = await timed('skip unfit', () => skipUnfit(tx, today, now));
  const pendingSend = await timed('letters and e-mails', () => awaitSending(tx, today, now));
  const noPerson = await timed('pick people', () => pickPeople(tx, today, now));
  const cap = await readDailyCap(tx);
  const created = await planWithinCap(tx, today, now, cap, timed);
  const [queued] = await rows<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM lifecycle_actions WHERE status = 'due' AND planned_on > ${today}::date`,
  );
  return { found, created, queued: queued?.n ?? 0, pendingSend, skipped: skippedEarly + noPerson };
}

/** Step 1: every vehicle the rule is due for in the look-back window, once per occurrence. */
async function findDue(tx: DbOrTx, rule: LifecycleRuleRow, today: string, now: Date): Promise<number> {
  const T = `'${today}'::date`;
  const L = String(Math.trunc(rule.lookbackDays));
  const t = triggerSql(rule.trigger as LifecycleTrigger, rule.amount, T, L, rule.leadDays);
  const scope: string[] = [];
  if (rule.locationId)
    scope.push(`coalesce(x.location_id, ${regularStaffSql.homeLocation('c')}) = ${literal(rule.locationId)}::uuid`);
  if (rule.make) scope.push(`lower(x.make) = lower(${literal(rule.make)})`);
  if (rule.phase) scope.push(`${phaseSql('x.delivery_date', 'x.phase_day')} = ${literal(rule.phase)}`);
  const scopeSql = scope.map((s) => ` AND ${s}`).join('');
  const result = await rows<{ n: number }>(
    tx,
    sql`WITH inserted AS (
          INSERT INTO lifecycle_actions (rule_id, vehicle_id, contact_id, occurrence, due_on, planned_on,
                                         status, skip_reason, settled_at)
          SELECT ${rule.id}::uuid, x.vehicle_id, h.contact_id, x.occ, x.due, ${today}::date,
                 CASE WHEN h.ended THEN 'skipped' ELSE 'due' END,
                 CASE WHEN h.ended THEN 'vehicle_sold' END,
                 CASE WHEN h.ended THEN ${now.toISOString()}::timestamptz END
            FROM (SELECT v.id AS vehicle_id, v.location_id, v.make, v.delivery_date,
                         ${sql.raw(t.occurrence)} AS occ, ${sql.raw(t.due)} AS due, ${sql.raw(t.relevant)} AS relevant,
                         ${sql.raw(t.phaseDay ?? t.occurrence)} AS phase_day
                    FROM ${sql.raw(vehicleLifecycleSql.table)} v
                   WHERE ${sql.raw(t.where)}) x
           CROSS JOIN ${sql.raw(vehicleLifecycleSql.latestHolder('x.vehicle_id'))} h
            JOIN contacts c ON c.id = h.contact_id
           WHERE x.due BETWEEN ${today}::date - ${rule.lookbackDays}::int AND ${today}::date
             AND x.relevant AND x.occ IS NOT NULL${sql.raw(scopeSql)}
          ON CONFLICT (rule_id, vehicle_id, occurrence) DO NOTHING
          RETURNING 1)
        SELECT count(*)::int AS n FROM inserted`,
  );
  return result[0]?.n ?? 0;
}

/** The due actions whose day has come, of rules still on: the set the steps below settle. */
const settling = (today: string) =>
  sql`SELECT a.id, a.rule_id, a.vehicle_id, a.contact_id, r.action, r.assignee, r.consent_channel, r.consent_purpose
        FROM lifecycle_actions a JOIN lifecycle_rules r ON r.id = a.rule_id
       WHERE a.status = 'due' AND a.planned_on <= ${today}::date AND r.enabled`;

/** Step 2: sold vehicles, blocked customers and missing consent are skipped with the reason. */
async function skipUnfit(tx: DbOrTx, today: string, now: Date): Promise<number> {
  const at = `'${now.toISOString()}'::timestamptz`;
  const reason = `CASE WHEN NOT ${vehicleLifecycleSql.stillHolds('s.vehicle_id', 's.contact_id')} THEN 'vehicle_sold'
                       WHEN ${blockedSql('s.contact_id', at)} THEN 'customer_blocked'
                       WHEN s.consent_channel IS NOT NULL AND s.consent_purpose IS NOT NULL
                        AND NOT ${consentGrantedSql('s.contact_id', 's.consent_channel', 's.consent_purpose', at)}
                       THEN 'consent_missing' END`;
  const result = await rows<{ n: number }>(
    tx,
    sql`WITH judged AS MATERIALIZED (SELECT s.id, ${sql.raw(reason)} AS reason FROM (${settling(today)}) s),
             skipped AS (
               UPDATE lifecycle_actions a SET status = 'skipped', skip_reason = j.reason, settled_at = ${now.toISOString()}::timestamptz
                 FROM judged j WHERE a.id = j.id AND j.reason IS NOT NULL AND a.status = 'due'
               RETURNING 1)
        SELECT count(*)::int AS n FROM skipped`,
  );
  return result[0]?.n ?? 0;
}

/** Letters and e-mails wait to be sent ("wartet auf Versand"): e-mails by the send job, letters in a print batch. */
async function awaitSending(tx: DbOrTx, today: string, now: Date): Promise<number> {
  const result = await rows<{ n: number }>(
    tx,
    sql`WITH s AS MATERIALIZED (${settling(today)}),
        moved AS (
          UPDATE lifecycle_actions a SET status = 'pending_send', settled_at = ${now.toISOString()}::timestamptz,
                 location_id = coalesce(v.location_id, ${sql.raw(regularStaffSql.homeLocation('c'))}),
                 next_attempt_at = ${now.toISOString()}::timestamptz
            FROM s JOIN ${sql.raw(vehicleLifecycleSql.table)} v ON v.id = s.vehicle_id JOIN contacts c ON c.id = s.contact_id
           WHERE a.id = s.id AND s.action IN ('letter', 'email') AND a.status = 'due'
          RETURNING 1)
        SELECT count(*)::int AS n FROM moved`,
  );
  return result[0]?.n ?? 0;
}

/** Step 3: the regular consultant or advisor, their deputy when they are away; nobody: skipped. */
async function pickPeople(tx: DbOrTx, today: string, now: Date): Promise<number> {
  const day = `'${today}'::date`;
  const result = await rows<{ n: number }>(
    tx,
    sql`WITH base AS MATERIALIZED (
          SELECT s.id, CASE s.assignee WHEN 'service_advisor' THEN ${sql.raw(regularStaffSql.serviceAdvisor('c'))}
                                       ELSE ${sql.raw(regularStaffSql.salesConsultant('c'))} END AS person
            FROM (${settling(today)}) s JOIN contacts c ON c.id = s.contact_id
           WHERE s.action IN ('activity', 'call_list')),
        picked AS MATERIALIZED (
          SELECT b.id, b.person,
                 CASE WHEN b.person IS NULL THEN NULL
                      WHEN ${sql.raw(presentOnSql('b.person', day))} THEN b.person
                      ELSE ${sql.raw(deputyOnSql('b.person', day))} END AS owner
            FROM base b),
        updated AS (
          UPDATE lifecycle_actions a
             SET owner_id = p.owner,
                 by_deputy = p.owner IS NOT NULL AND p.owner <> p.person,
                 status = CASE WHEN p.owner IS NULL THEN 'skipped' ELSE a.status END,
                 skip_reason = CASE WHEN p.owner IS NULL THEN 'no_person' END,
                 settled_at = CASE WHEN p.owner IS NULL THEN ${now.toISOString()}::timestamptz END
            FROM picked p WHERE a.id = p.id AND a.status = 'due'
          RETURNING a.status)
        SELECT count(*) FILTER (WHERE status = 'skipped')::int AS n FROM updated`,
  );
  return result[0]?.n ?? 0;
}

/**
 * Step 4: at most `cap` lifecycle activities per person and day. The first ones (oldest due
 * first) are planned today; the rest move to the next days, `cap` a day, and are planned
 * when their day comes.
 */
async function planWithinCap(
  tx: DbOrTx,
  today: string,
  now: Date,
  cap: number,
  timed: <T>(step: string, work: () => Promise<T>) => Promise<T>,
): Promise<number> {
  // Materialised: ranked once, then joined by id (the planner otherwise re-reads the actions per row).
  await timed('queue over the cap', () =>
    tx.execute(
      sql`WITH load AS MATERIALIZED (
          SELECT owner_id, count(*)::int AS n FROM lifecycle_actions
           WHERE status = 'done' AND planned_on = ${today}::date AND owner_id IS NOT NULL GROUP BY owner_id),
        ranked AS MATERIALIZED (
          SELECT a.id, (row_number() OVER (PARTITION BY a.owner_id ORDER BY a.planned_on, a.due_on, a.id)
                        + coalesce(l.n, 0))::int AS pos
            FROM lifecycle_actions a JOIN lifecycle_rules r ON r.id = a.rule_id
            LEFT JOIN load l ON l.owner_id = a.owner_id
           WHERE a.status = 'due' AND a.planned_on <= ${today}::date AND r.enabled
             AND r.action IN ('activity', 'call_list') AND a.owner_id IS NOT NULL)
        UPDATE lifecycle_actions a SET planned_on = ${today}::date + ((q.pos - 1) / ${cap}::int)
          FROM ranked q WHERE a.id = q.id AND q.pos > ${cap}::int AND a.status = 'due'`,
    ),
  );
  const claimed = await timed('claim', () =>
    rows<{ activity_id: string }>(
      tx,
      // Only the action's own columns and the rule: no join of the actions with themselves.
      sql`UPDATE lifecycle_actions a SET status = 'done', activity_id = gen_random_uuid(), planned_on = ${today}::date,
                                       settled_at = ${now.toISOString()}::timestamptz
         WHERE a.status = 'due' AND a.planned_on <= ${today}::date AND a.owner_id IS NOT NULL
           AND a.rule_id IN (SELECT r.id FROM lifecycle_rules r WHERE r.enabled AND r.action IN ('activity', 'call_list'))
        RETURNING a.activity_id`,
    ),
  );
  if (claimed.length === 0) return 0;
  const ids = claimed.map((c) => c.activity_id);
  const created = await timed('plan activities', () =>
    planAllDayTasksFrom(
      tx,
      sql`SELECT a.activity_id AS id,
               CASE r.action WHEN 'call_list' THEN 'call' ELSE r.activity_type END AS type,
               left(r.name || ': ' || ${sql.raw(vehicleLifecycleSql.label('v'))}, 200) AS subject,
               nullif(r.template, '') AS note,
               a.owner_id, ${sql.raw(userPlanningSql.homeLocation('a.owner_id'))} AS location_id,
               a.contact_id, a.vehicle_id, ${today}::date AS due_on
          FROM lifecycle_actions a
          JOIN lifecycle_rules r ON r.id = a.rule_id
          JOIN ${sql.raw(vehicleLifecycleSql.table)} v ON v.id = a.vehicle_id
         WHERE a.activity_id = ANY(${`{${ids.join(',')}}`}::uuid[])`,
      now,
    ),
  );
  return created.length;
}

const literal = (value: string | null) => (value === null ? 'NULL' : `'${value.replaceAll("'", "''")}'`);
