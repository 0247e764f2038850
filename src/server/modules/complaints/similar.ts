import { sql } from 'drizzle-orm';
import type { SimilarComplaint, SimilarReason } from '@shared/complaints/schemas';
import { type DbOrTx, rows } from '@server/db/client';

export interface SimilarProbe {
  caseId: string;
  contactId: string;
  vehicleId: string | null;
  model: string | null;
  category: string | null;
  text: string;
}

/** How much each reason counts: the same car says most, then the same customer, the same model's pattern, the words. */
const WEIGHT: Record<SimilarReason, number> = {
  same_vehicle: 4,
  same_customer: 3,
  same_model_category: 2,
  similar_text: 2,
};
const PER_REASON = 20;
/** The nearest few by words are enough beside the other reasons; every further one costs index walking. */
const BY_TEXT = 10;

interface Row {
  id: string;
  number: string;
  request_id: string;
  opened_at: string | Date;
  category: string | null;
  model: string | null;
  excerpt: string;
  status: string;
  justified: string;
  outcome: string | null;
  total_cost_cents: number;
  satisfaction: number | null;
  satisfaction_scale: string | null;
  reasons: string[] | string;
  similarity: number | null;
}

/**
 * Earlier complaints like this one, each branch one index range with a limit: the customer's
 * (contact, opened), the car's (vehicle, opened), the model's in the category (model, category,
 * opened), and the text's (nearest by trigram distance, GiST). Merged per case with the reasons it matched, best first.
 */
export async function similarComplaints(db: DbOrTx, probe: SimilarProbe, limit = 20): Promise<SimilarComplaint[]> {
  const text = probe.text.slice(0, 1000);
  const branches = [
    sql`(SELECT id, 'same_customer' AS reason, NULL::float8 AS sim FROM complaint_cases
          WHERE contact_id = ${probe.contactId} AND id <> ${probe.caseId}
          ORDER BY opened_at DESC LIMIT ${PER_REASON})`,
  ];
  if (probe.vehicleId) {
    branches.push(sql`(SELECT id, 'same_vehicle', NULL::float8 FROM complaint_cases
          WHERE vehicle_id = ${probe.vehicleId} AND id <> ${probe.caseId}
          ORDER BY opened_at DESC LIMIT ${PER_REASON})`);
  }
  if (probe.model && probe.category) {
    branches.push(sql`(SELECT id, 'same_model_category', NULL::float8 FROM complaint_cases
          WHERE model = ${probe.model} AND category = ${probe.category} AND id <> ${probe.caseId}
          ORDER BY opened_at DESC LIMIT ${PER_REASON})`);
  }
  if (text.trim().length >= 3) {
    branches.push(sql`(SELECT id, 'similar_text', similarity(description, ${text})::float8 FROM complaint_cases
          WHERE description % ${text} AND id <> ${probe.caseId}
          ORDER BY description <-> ${text} LIMIT ${BY_TEXT})`);
  }
  const score = sql.raw(
    `sum(CASE m.reason ${Object.entries(WEIGHT)
      .map(
        ([reason, weight]) =>
          `WHEN '${reason}' THEN ${weight}${reason === 'similar_text' ? ' * coalesce(m.sim, 0)' : ''}`,
      )
      .join(' ')} END)`,
  );
  const found = await rows<Row>(
    db,
    sql`WITH matched AS (${sql.join(branches, sql` UNION ALL `)}),
        ranked AS (
          SELECT m.id, array_agg(DISTINCT m.reason) AS reasons, max(m.sim) AS similarity, ${score} AS score
            FROM matched m GROUP BY m.id
        )
        SELECT c.id, c.number, c.request_id, c.opened_at, c.category, c.model, left(c.description, 200) AS excerpt,
               c.status, c.justified, c.outcome, c.satisfaction, c.satisfaction_scale,
               (c.parts_cents + c.labour_cents + c.goodwill_manufacturer_cents + c.goodwill_dealer_cents) AS total_cost_cents,
               r.reasons, r.similarity
          FROM ranked r JOIN complaint_cases c ON c.id = r.id
         ORDER BY r.score DESC, c.opened_at DESC
         LIMIT ${limit}`,
  );
  return found.map((r) => ({
    id: r.id,
    number: r.number,
    requestId: r.request_id,
    openedAt: new Date(r.opened_at).toISOString(),
    category: r.category as SimilarComplaint['category'],
    model: r.model,
    excerpt: r.excerpt,
    status: r.status as SimilarComplaint['status'],
    justified: r.justified as SimilarComplaint['justified'],
    outcome: r.outcome,
    totalCostCents: Number(r.total_cost_cents),
    satisfaction: r.satisfaction,
    satisfactionScale: r.satisfaction_scale as SimilarComplaint['satisfactionScale'],
    reasons: parseArray(r.reasons).sort(
      (a, b) => WEIGHT[b as SimilarReason] - WEIGHT[a as SimilarReason],
    ) as SimilarReason[],
    similarity: r.similarity === null ? null : Math.round(Number(r.similarity) * 100) / 100,
  }));
}

/** A text[] comes back as an array from node-postgres and PGlite, but as "{a,b}" where a driver does not parse it. */
function parseArray(value: string[] | string): string[] {
  if (Array.isArray(value)) return value;
  return value
    .replace(/^\{|\}$/g, '')
    .split(',')
    .filter(Boolean);
}
