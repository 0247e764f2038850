import { and, asc, count, desc, eq, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import { serviceProcessSteps, serviceProcessTemplates, serviceTickets, serviceTicketSteps } from './tables';

export type TemplateRow = typeof serviceProcessTemplates.$inferSelect;
export type TemplateStepRow = typeof serviceProcessSteps.$inferSelect;
export type TicketRow = typeof serviceTickets.$inferSelect;
export type TicketStepRow = typeof serviceTicketSteps.$inferSelect;
export type NewTemplateStep = Omit<typeof serviceProcessSteps.$inferInsert, 'templateId' | 'id'>;

export async function currentTemplates(db: DbOrTx, locationIds: string[] | null): Promise<TemplateRow[]> {
  return db
    .select()
    .from(serviceProcessTemplates)
    .where(
      and(
        eq(serviceProcessTemplates.current, true),
        locationIds
          ? or(
              isNull(serviceProcessTemplates.locationId),
              locationIds.length ? inArray(serviceProcessTemplates.locationId, locationIds) : sql`false`,
            )
          : undefined,
      ),
    )
    .orderBy(asc(serviceProcessTemplates.name));
}

export async function findTemplate(db: DbOrTx, id: string, forUpdate = false): Promise<TemplateRow | undefined> {
  const q = db.select().from(serviceProcessTemplates).where(eq(serviceProcessTemplates.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function stepsOfTemplates(db: DbOrTx, ids: string[]): Promise<Map<string, TemplateStepRow[]>> {
  const map = new Map<string, TemplateStepRow[]>(ids.map((id) => [id, []]));
  if (!ids.length) return map;
  const rows = await db
    .select()
    .from(serviceProcessSteps)
    .where(inArray(serviceProcessSteps.templateId, ids))
    .orderBy(asc(serviceProcessSteps.position));
  for (const r of rows) map.get(r.templateId)!.push(r);
  return map;
}

export async function insertTemplate(
  tx: DbOrTx,
  row: typeof serviceProcessTemplates.$inferInsert,
  steps: NewTemplateStep[],
): Promise<TemplateRow> {
  const [inserted] = await tx.insert(serviceProcessTemplates).values(row).returning();
  await tx.insert(serviceProcessSteps).values(steps.map((s) => ({ ...s, templateId: inserted!.id })));
  return inserted!;
}

export async function retireTemplate(tx: DbOrTx, id: string): Promise<void> {
  await tx.update(serviceProcessTemplates).set({ current: false }).where(eq(serviceProcessTemplates.id, id));
}

/** The next ticket number, SA-100001 onwards; the unique index guards two starting at once. */
export async function nextTicketNumber(tx: DbOrTx): Promise<string> {
  const [row] = await tx
    .select({ n: sql<number>`coalesce(max(substring(${serviceTickets.number} from 4)::int), 100000)::int` })
    .from(serviceTickets);
  return `SA-${Number(row!.n) + 1}`;
}

export async function insertTicket(tx: DbOrTx, row: typeof serviceTickets.$inferInsert): Promise<TicketRow> {
  const [inserted] = await tx.insert(serviceTickets).values(row).returning();
  return inserted!;
}

export async function insertTicketSteps(
  tx: DbOrTx,
  rows: Array<typeof serviceTicketSteps.$inferInsert>,
): Promise<TicketStepRow[]> {
  return tx.insert(serviceTicketSteps).values(rows).returning();
}

export async function findTicket(db: DbOrTx, id: string, forUpdate = false): Promise<TicketRow | undefined> {
  const q = db.select().from(serviceTickets).where(eq(serviceTickets.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

/** The ticket a call already started with this process version, if any. */
export async function ticketOfCall(db: DbOrTx, callId: string, templateId: string): Promise<TicketRow | undefined> {
  const [row] = await db
    .select()
    .from(serviceTickets)
    .where(and(eq(serviceTickets.callId, callId), eq(serviceTickets.templateId, templateId)));
  return row;
}

export async function updateTicket(tx: DbOrTx, id: string, set: Partial<TicketRow>): Promise<TicketRow> {
  const [row] = await tx.update(serviceTickets).set(set).where(eq(serviceTickets.id, id)).returning();
  return row!;
}

export async function stepsOfTickets(db: DbOrTx, ids: string[]): Promise<Map<string, TicketStepRow[]>> {
  const map = new Map<string, TicketStepRow[]>(ids.map((id) => [id, []]));
  if (!ids.length) return map;
  const rows = await db
    .select()
    .from(serviceTicketSteps)
    .where(inArray(serviceTicketSteps.ticketId, ids))
    .orderBy(asc(serviceTicketSteps.position));
  for (const r of rows) map.get(r.ticketId)!.push(r);
  return map;
}

export async function updateStep(tx: DbOrTx, id: string, set: Partial<TicketStepRow>): Promise<TicketStepRow> {
  const [row] = await tx.update(serviceTicketSteps).set(set).where(eq(serviceTicketSteps.id, id)).returning();
  return row!;
}

export async function stepOfActivity(db: DbOrTx, activityId: string): Promise<TicketStepRow | undefined> {
  const [row] = await db
    .select()
    .from(serviceTicketSteps)
    .where(and(eq(serviceTicketSteps.activityId, activityId), eq(serviceTicketSteps.status, 'current')));
  return row;
}

/** How many steps each person has in progress: "least loaded" for the next step. */
export async function currentStepLoad(db: DbOrTx, userIds: string[]): Promise<Map<string, number>> {
  if (!userIds.length) return new Map();
  const rows = await db
    .select({ id: serviceTicketSteps.assigneeId, n: count() })
    .from(serviceTicketSteps)
    .where(and(inArray(serviceTicketSteps.assigneeId, userIds), eq(serviceTicketSteps.status, 'current')))
    .groupBy(serviceTicketSteps.assigneeId);
  return new Map(rows.map((r) => [r.id!, Number(r.n)]));
}

export interface TicketFilter {
  locationIds: string[] | null;
  assigneeId?: string;
  overdueAt?: Date;
  requestId?: string;
  callId?: string;
  openOnly: boolean;
}

export async function listTickets(db: DbOrTx, f: TicketFilter, limit = 200): Promise<TicketRow[]> {
  const mine = f.assigneeId
    ? sql`${serviceTickets.id} IN (SELECT ${serviceTicketSteps.ticketId} FROM ${serviceTicketSteps}
        WHERE ${serviceTicketSteps.assigneeId} = ${f.assigneeId} AND ${serviceTicketSteps.status} = 'current')`
    : undefined;
  const overdue = f.overdueAt
    ? or(
        lte(serviceTickets.dueAt, f.overdueAt),
        sql`${serviceTickets.id} IN (SELECT ${serviceTicketSteps.ticketId} FROM ${serviceTicketSteps}
          WHERE ${serviceTicketSteps.status} = 'current' AND ${serviceTicketSteps.dueAt} <= ${f.overdueAt})`,
      )
    : undefined;
  return db
    .select()
    .from(serviceTickets)
    .where(
      and(
        f.locationIds
          ? f.locationIds.length
            ? inArray(serviceTickets.locationId, f.locationIds)
            : sql`false`
          : undefined,
        f.openOnly || f.overdueAt ? eq(serviceTickets.status, 'open') : undefined,
        f.requestId ? eq(serviceTickets.requestId, f.requestId) : undefined,
        f.callId ? eq(serviceTickets.callId, f.callId) : undefined,
        mine,
        overdue,
      ),
    )
    .orderBy(asc(serviceTickets.dueAt), desc(serviceTickets.id))
    .limit(limit);
}

/** Marks the step escalated if it is still unfinished and past its deadline; null when another run did it. */
export async function markStepEscalated(tx: DbOrTx, stepId: string, now: Date): Promise<TicketStepRow | null> {
  const [row] = await tx
    .update(serviceTicketSteps)
    .set({ escalatedAt: now })
    .where(
      and(
        eq(serviceTicketSteps.id, stepId),
        isNull(serviceTicketSteps.escalatedAt),
        ne(serviceTicketSteps.status, 'done'),
        lte(serviceTicketSteps.dueAt, now),
      ),
    )
    .returning();
  return row ?? null;
}

export async function markTicketEscalated(tx: DbOrTx, ticketId: string, now: Date): Promise<TicketRow | null> {
  const [row] = await tx
    .update(serviceTickets)
    .set({ escalatedAt: now })
    .where(
      and(
        eq(serviceTickets.id, ticketId),
        isNull(serviceTickets.escalatedAt),
        eq(serviceTickets.status, 'open'),
        lte(serviceTickets.dueAt, now),
      ),
    )
    .returning();
  return row ?? null;
}

export async function ticketsStartedBetween(
  db: DbOrTx,
  locationIds: string[] | null,
  from: Date,
  to: Date,
): Promise<Array<TicketRow & { familyId: string }>> {
  const rows = await db
    .select({ ticket: serviceTickets, familyId: serviceProcessTemplates.familyId })
    .from(serviceTickets)
    .innerJoin(serviceProcessTemplates, eq(serviceProcessTemplates.id, serviceTickets.templateId))
    .where(
      and(
        locationIds ? (locationIds.length ? inArray(serviceTickets.locationId, locationIds) : sql`false`) : undefined,
        sql`${serviceTickets.startedAt} >= ${from} AND ${serviceTickets.startedAt} < ${to}`,
        ne(serviceTickets.status, 'cancelled'),
      ),
    );
  return rows.map((r) => ({ ...r.ticket, familyId: r.familyId }));
}

/** The newest version of each family, for the report's names. */
export async function newestOfFamilies(db: DbOrTx, familyIds: string[]): Promise<TemplateRow[]> {
  if (!familyIds.length) return [];
  return db
    .select()
    .from(serviceProcessTemplates)
    .where(and(inArray(serviceProcessTemplates.familyId, familyIds), eq(serviceProcessTemplates.current, true)));
}
