import type { ProcessTemplate, ServiceTicket, TicketStep } from '@shared/service-tickets/schemas';
import type { ActivityType } from '@shared/activities/enums';
import type { ServiceActivity, StepRole } from '@shared/service-tickets/schemas';
import type { DbOrTx } from '@server/db/client';
import { contactRefs } from '@server/modules/contacts';
import { locationNames, userNames } from '@server/modules/org';
import { callRefs } from '@server/modules/telephony';
import * as repo from './repo';

export const hoursOf = (minutes: number) => minutes / 60;
const iso = (d: Date | null) => d?.toISOString() ?? null;

export function presentTemplate(
  row: repo.TemplateRow,
  steps: repo.TemplateStepRow[],
  locationName: string | null,
  mayEdit: boolean,
): ProcessTemplate {
  return {
    id: row.id,
    familyId: row.familyId,
    version: row.version,
    name: row.name,
    activity: row.activity as ServiceActivity,
    locationId: row.locationId,
    locationName,
    steps: steps.map((s) => ({
      position: s.position,
      title: s.title,
      role: s.role as StepRole,
      expectedHours: hoursOf(s.expectedMinutes),
      expectedCostCents: s.expectedCostCents,
      activityType: s.activityType as ActivityType | null,
    })),
    totalHours: hoursOf(steps.reduce((sum, s) => sum + s.expectedMinutes, 0)),
    totalCostCents: steps.reduce((sum, s) => sum + s.expectedCostCents, 0),
    createdAt: row.createdAt.toISOString(),
    mayEdit,
  };
}

export async function presentTemplates(
  db: DbOrTx,
  rows: repo.TemplateRow[],
  mayEdit: (row: repo.TemplateRow) => boolean,
): Promise<ProcessTemplate[]> {
  const [steps, names] = await Promise.all([
    repo.stepsOfTemplates(
      db,
      rows.map((r) => r.id),
    ),
    locationNames(db, [...new Set(rows.flatMap((r) => (r.locationId ? [r.locationId] : [])))]),
  ]);
  return rows.map((r) =>
    presentTemplate(r, steps.get(r.id) ?? [], r.locationId ? (names.get(r.locationId) ?? null) : null, mayEdit(r)),
  );
}

function presentStep(s: repo.TicketStepRow, people: Map<string, string>, now: Date): TicketStep {
  return {
    id: s.id,
    position: s.position,
    title: s.title,
    role: s.role as StepRole,
    status: s.status as TicketStep['status'],
    expectedHours: hoursOf(s.expectedMinutes),
    expectedCostCents: s.expectedCostCents,
    activityType: s.activityType as ActivityType | null,
    assignee: s.assigneeId ? { id: s.assigneeId, name: people.get(s.assigneeId) ?? '–' } : null,
    activityId: s.activityId,
    startedAt: iso(s.startedAt),
    dueAt: iso(s.dueAt),
    completedAt: iso(s.completedAt),
    actualHours: s.actualMinutes === null ? null : hoursOf(s.actualMinutes),
    actualCostCents: s.actualCostCents,
    note: s.note,
    overdue: s.status === 'current' && s.dueAt !== null && s.dueAt < now,
    escalatedAt: iso(s.escalatedAt),
  };
}

/** Tickets with their steps, people and process, in as few reads as there are kinds of thing. */
export async function presentTickets(db: DbOrTx, rows: repo.TicketRow[], now: Date): Promise<ServiceTicket[]> {
  if (!rows.length) return [];
  const steps = await repo.stepsOfTickets(
    db,
    rows.map((r) => r.id),
  );
  const templateIds = [...new Set(rows.map((r) => r.templateId))];
  const templates = new Map<string, repo.TemplateRow>();
  for (const id of templateIds) {
    const t = await repo.findTemplate(db, id);
    if (t) templates.set(id, t);
  }
  const assignees = [...steps.values()].flat().flatMap((s) => (s.assigneeId ? [s.assigneeId] : []));
  const [people, contacts, calls] = await Promise.all([
    userNames(db, [...new Set(assignees)]),
    contactRefs(
      db,
      rows.map((r) => r.contactId),
    ),
    callRefs(
      db,
      rows.flatMap((r) => (r.callId ? [r.callId] : [])),
    ),
  ]);
  return rows.map((r) => {
    const own = (steps.get(r.id) ?? []).map((s) => presentStep(s, people, now));
    const template = templates.get(r.templateId)!;
    const open = own.filter((s) => s.status !== 'done');
    return {
      id: r.id,
      number: r.number,
      status: r.status as ServiceTicket['status'],
      template: {
        id: template.id,
        familyId: template.familyId,
        name: template.name,
        version: template.version,
        activity: template.activity as ServiceActivity,
      },
      contact: { id: r.contactId, name: contacts.get(r.contactId)?.displayName ?? '–' },
      vehicleId: r.vehicleId,
      locationId: r.locationId,
      requestId: r.requestId,
      call: (() => {
        const call = r.callId ? calls.get(r.callId) : undefined;
        return call ? { id: call.id, startedAt: call.startedAt.toISOString() } : null;
      })(),
      note: r.note,
      startedAt: r.startedAt.toISOString(),
      dueAt: r.dueAt.toISOString(),
      completedAt: iso(r.completedAt),
      escalatedAt: iso(r.escalatedAt),
      overdue: r.status === 'open' && r.dueAt < now,
      steps: own,
      currentStep: own.find((s) => s.status === 'current') ?? null,
      remainingHours: open.reduce((sum, s) => sum + s.expectedHours, 0),
      totalExpectedCostCents: own.reduce((sum, s) => sum + s.expectedCostCents, 0),
      totalActualCostCents: own.reduce((sum, s) => sum + (s.actualCostCents ?? 0), 0),
    };
  });
}
