import { sql } from 'drizzle-orm';
import type { LifecycleReport } from '@shared/lifecycle/rules';
import { type DbOrTx, rows } from '@server/db/client';
import type { UserActor } from '@server/http/access';
import { regularStaffSql } from '@server/modules/contacts';
import { usersSql } from '@server/modules/org';
import { salesConversionSql } from '@server/modules/sales';

/**
 * Lifecycle actions due in [from, to] per rule and person (due, done, waiting to be sent,
 * skipped, and the reasons), and the re-purchase conversion: of the re-purchase activities
 * planned in the period, how many customers opened an opportunity and signed a contract within
 * `months` after. Managers see the customers of their locations; administrators all.
 */
export async function lifecycleReport(
  db: DbOrTx,
  actor: UserActor,
  query: { from: string; to: string; months: number },
): Promise<LifecycleReport> {
  const scope =
    actor.role === 'admin'
      ? sql`true`
      : sql`${sql.raw(regularStaffSql.homeLocation('c'))} = ANY(${`{${actor.locationIds.join(',')}}`}::uuid[])`;
  const base = sql`FROM lifecycle_actions a JOIN lifecycle_rules r ON r.id = a.rule_id JOIN contacts c ON c.id = a.contact_id
    WHERE a.due_on BETWEEN ${query.from}::date AND ${query.to}::date AND ${scope}`;
  const perRule = await rows<{
    rule_id: string;
    rule_name: string;
    owner_id: string | null;
    owner_name: string | null;
    due: number;
    done: number;
    pending_send: number;
    skipped: number;
  }>(
    db,
    sql`SELECT a.rule_id, r.name AS rule_name, a.owner_id,
               (SELECT ${sql.raw(usersSql.fullName('u'))} FROM users u WHERE u.id = a.owner_id) AS owner_name,
               count(*) FILTER (WHERE a.status = 'due')::int AS due,
               count(*) FILTER (WHERE a.status IN ('done', 'sent'))::int AS done,
               count(*) FILTER (WHERE a.status = 'pending_send')::int AS pending_send,
               count(*) FILTER (WHERE a.status = 'skipped')::int AS skipped
          ${base}
         GROUP BY a.rule_id, r.name, a.owner_id ORDER BY r.name, owner_name NULLS LAST`,
  );
  const reasons = await rows<{ reason: LifecycleReport['skippedByReason'][number]['reason']; count: number }>(
    db,
    sql`SELECT a.skip_reason AS reason, count(*)::int AS count ${base} AND a.status = 'skipped'
         GROUP BY a.skip_reason ORDER BY count DESC`,
  );
  const window = `a.settled_at + make_interval(months => ${Math.trunc(query.months)})`;
  const [conversion] = await rows<{ activities: number; with_opportunity: number; with_contract: number }>(
    db,
    sql`SELECT count(*)::int AS activities,
               count(*) FILTER (WHERE ${sql.raw(salesConversionSql.openedOpportunity('a.contact_id', 'a.settled_at', window))})::int AS with_opportunity,
               count(*) FILTER (WHERE ${sql.raw(salesConversionSql.signedContract('a.contact_id', 'a.settled_at', window))})::int AS with_contract
          ${base} AND a.status = 'done' AND r.activity_type = 'repurchase'`,
  );
  return {
    rows: perRule.map((r) => ({
      ruleId: r.rule_id,
      ruleName: r.rule_name,
      ownerId: r.owner_id,
      ownerName: r.owner_name,
      due: r.due,
      done: r.done,
      pendingSend: r.pending_send,
      skipped: r.skipped,
    })),
    skippedByReason: reasons.filter((r) => r.reason),
    repurchase: {
      activities: conversion?.activities ?? 0,
      withOpportunity: conversion?.with_opportunity ?? 0,
      withContract: conversion?.with_contract ?? 0,
      months: query.months,
    },
  };
}
