import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  npsOf,
  type SatisfactionFigures,
  type SatisfactionQuery,
  type SatisfactionReport,
} from '@shared/surveys/schemas';
import type { Db } from '@server/db/client';
import type { UserActor } from '@server/http/access';
import { ForbiddenError } from '@server/http/errors';
import { addDaysTo, berlinTime } from '@server/modules/activities';
import { locationNames, userNames } from '@server/modules/org';
import { surveyInvitations, surveyResponses } from './tables';

interface Counts {
  key: string | null;
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  sum_recommendation: number;
  n_recommendation: number;
  sum_overall: number;
  n_overall: number;
  low_scores: number;
}

const average = (sum: number, n: number) => (n > 0 ? Math.round((sum / n) * 10) / 10 : null);

function figures(c: Omit<Counts, 'key'> | undefined, invitations: { sent: number; answered: number } | undefined) {
  const x = c ?? {
    responses: 0,
    promoters: 0,
    passives: 0,
    detractors: 0,
    sum_recommendation: 0,
    n_recommendation: 0,
    sum_overall: 0,
    n_overall: 0,
    low_scores: 0,
  };
  const sent = invitations?.sent ?? 0;
  return {
    responses: Number(x.responses),
    promoters: Number(x.promoters),
    passives: Number(x.passives),
    detractors: Number(x.detractors),
    nps: npsOf(Number(x.promoters), Number(x.passives), Number(x.detractors)),
    averageRecommendation: average(Number(x.sum_recommendation), Number(x.n_recommendation)),
    averageOverall: average(Number(x.sum_overall), Number(x.n_overall)),
    lowScores: Number(x.low_scores),
    invitations: sent,
    answerRate: sent > 0 ? Math.round(((invitations?.answered ?? 0) / sent) * 1000) / 10 : null,
  } satisfies SatisfactionFigures;
}

/**
 * Satisfaction of a period (Berlin days) per location and per consultant: answers, NPS
 * (promoters 9–10, passives 7–8, detractors 0–6, NPS = % promoters − % detractors), average
 * scores, low scores, and how many e-mailed links sent in the period were answered.
 */
export async function satisfactionReport(
  db: Db,
  actor: UserActor,
  q: z.output<typeof SatisfactionQuery>,
  allLocationIds: () => Promise<string[]>,
): Promise<SatisfactionReport> {
  if (q.locationId && actor.role !== 'admin' && !actor.locationIds.includes(q.locationId))
    throw new ForbiddenError('You do not work at this location.');
  const locationIds = q.locationId
    ? [q.locationId]
    : actor.role === 'admin'
      ? await allLocationIds()
      : actor.locationIds;
  const from = berlinTime(q.from);
  const to = berlinTime(addDaysTo(q.to, 1));
  const r = surveyResponses;
  const inv = surveyInvitations;
  const ids = sql.join(
    locationIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  if (locationIds.length === 0) return { total: figures(undefined, undefined), byLocation: [], byConsultant: [] };

  const counts = (key: 'location' | 'consultant' | 'all') => {
    const keyColumn =
      key === 'location' ? sql`${r.locationId}::text` : key === 'consultant' ? sql`${r.consultantId}::text` : sql`null`;
    return db.execute(sql`
      SELECT ${keyColumn} AS key,
        count(*)::int AS responses,
        count(*) FILTER (WHERE ${r.recommendation} >= 9)::int AS promoters,
        count(*) FILTER (WHERE ${r.recommendation} BETWEEN 7 AND 8)::int AS passives,
        count(*) FILTER (WHERE ${r.recommendation} <= 6)::int AS detractors,
        coalesce(sum(${r.recommendation}), 0)::int AS sum_recommendation,
        count(${r.recommendation})::int AS n_recommendation,
        coalesce(sum(${r.overall}), 0)::int AS sum_overall,
        count(${r.overall})::int AS n_overall,
        count(*) FILTER (WHERE ${r.lowScore})::int AS low_scores
      FROM ${r}
      WHERE ${r.createdAt} >= ${from} AND ${r.createdAt} < ${to} AND ${r.locationId} IN (${ids})
      GROUP BY 1`);
  };
  const invited = (key: 'location' | 'consultant' | 'all') => {
    const keyColumn =
      key === 'location' ? sql`${inv.locationId}::text` : key === 'consultant' ? sql`${inv.sentById}::text` : sql`null`;
    return db.execute(sql`
      SELECT ${keyColumn} AS key, count(*)::int AS sent, count(${inv.answeredAt})::int AS answered
      FROM ${inv}
      WHERE ${inv.createdAt} >= ${from} AND ${inv.createdAt} < ${to} AND ${inv.locationId} IN (${ids})
      GROUP BY 1`);
  };
  const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
  const [all, byLoc, byCons, invAll, invLoc, invCons] = await Promise.all([
    counts('all'),
    counts('location'),
    counts('consultant'),
    invited('all'),
    invited('location'),
    invited('consultant'),
  ]);
  type Sent = { key: string | null; sent: number; answered: number };
  const sentMap = (res: unknown) => new Map(rowsOf<Sent>(res).map((s) => [s.key, s]));

  function breakdown(res: unknown, sentRes: unknown, names: Map<string, string>) {
    const c = new Map(rowsOf<Counts>(res).map((x) => [x.key, x]));
    const s = sentMap(sentRes);
    const keys = [...new Set([...c.keys(), ...s.keys()])];
    return keys
      .map((key) => ({ key, label: key ? (names.get(key) ?? '') : '', ...figures(c.get(key), s.get(key)) }))
      .sort((a, b) => b.responses - a.responses || a.label.localeCompare(b.label, 'de'));
  }
  const keysOf = (...results: unknown[]) =>
    results.flatMap((res) => rowsOf<{ key: string | null }>(res).flatMap((x) => (x.key ? [x.key] : [])));
  const [places, people] = await Promise.all([
    locationNames(db, keysOf(byLoc, invLoc)),
    userNames(db, keysOf(byCons, invCons)),
  ]);
  return {
    total: figures(rowsOf<Counts>(all)[0], rowsOf<Sent>(invAll)[0]),
    byLocation: breakdown(byLoc, invLoc, places),
    byConsultant: breakdown(byCons, invCons, people),
  };
}
