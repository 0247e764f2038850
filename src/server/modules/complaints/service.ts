import type { z } from 'zod';
import {
  ACKNOWLEDGE_WORKING_DAYS,
  type Complaint,
  type ComplaintClose,
  type ComplaintCosts,
  type ComplaintListQuery,
  type ComplaintPassOn,
  type ComplaintQualification,
  type ComplaintSeverity,
  type ComplaintStepInput,
  type ComplaintStepUpdate,
  RESOLVE_WORKING_DAYS,
} from '@shared/complaints/schemas';
import type { ComplaintEventKind } from '@shared/complaints/events';
import { notificationText } from '@shared/texts/notifications';
import { formatEuro } from '@shared/sales/format';
import { timelineText } from '@shared/texts/timeline';
import type { DbOrTx } from '@server/db/client';
import type { Deps } from '@server/deps';
import { assertLocation, hasLocation, type UserActor } from '@server/http/access';
import { ConflictError, NotFoundError, ValidationError } from '@server/http/errors';
import { addWorkingDays, type WorkingCalendar } from '@server/lib/working-time';
import { contactRefs } from '@server/modules/contacts';
import type { JobsService } from '@server/jobs/service';
import type { NotificationsService } from '@server/modules/notifications';
import { loadPeople, type OrgService, userNames } from '@server/modules/org';
import { requestForComplaint } from '@server/modules/requests';
import { recordTimeline } from '@server/modules/timeline';
import { vehicleFacts, vehicleFactsOfContact } from '@server/modules/vehicles';
import { createStepEscalation } from './escalation';
import * as repo from './repo';
import { similarComplaints } from './similar';

export interface ComplaintsPorts {
  org: OrgService;
  jobs: JobsService;
  notifications: NotificationsService;
  /** The managers of a location, read in the caller's transaction. */
  managersOf: (locationId: string, tx: DbOrTx) => Promise<string[]>;
}

const bodyError = (field: string, code: 'invalid' | 'required' | 'own_location_required', message: string) =>
  new ValidationError([{ field, in: 'body', code, message }]);

export const totalCents = (c: repo.CaseRow) =>
  c.partsCents + c.labourCents + c.goodwillManufacturerCents + c.goodwillDealerCents;

const modelKey = (v: { make: string; model: string }) => `${v.make} ${v.model}`.trim().toLowerCase();

/**
 * Complaints (Reklamation, R4.5): a case per customer request, qualified with similar earlier
 * cases at hand, remedied in steps with working-day deadlines that escalate once when overdue,
 * with costs and goodwill in cents, passed on to the manufacturer and closed with an outcome.
 * Every change is a case event and an entry on the customer's timeline in the same transaction.
 */
export function createComplaintsService(deps: Deps, ports: ComplaintsPorts) {
  const { db, clock } = deps;
  const escalation = createStepEscalation(deps, ports);

  async function calendarOf(locationId: string): Promise<WorkingCalendar> {
    const location = await ports.org.getLocation(locationId);
    return { openingHours: location.openingHours, federalState: location.federalState };
  }

  /** The case for someone who works at its location; read outside any transaction (PGlite: before one opens). */
  async function visible(actor: UserActor, id: string): Promise<repo.CaseRow> {
    const row = await repo.findCase(db, id);
    if (!row) throw new NotFoundError('The complaint');
    assertLocation(actor, row.locationId);
    return row;
  }

  async function locked(tx: DbOrTx, id: string, version?: number): Promise<repo.CaseRow> {
    const row = (await repo.findCase(tx, id, true))!;
    if (version !== undefined && version !== row.version) {
      throw new ConflictError('The complaint was changed by someone else in the meantime; reload it.');
    }
    return row;
  }

  /** The case event and the customer's timeline entry, in the caller's transaction. */
  async function record(
    tx: DbOrTx,
    row: repo.CaseRow,
    actorId: string | null,
    event: ComplaintEventKind,
    detail: string | null,
    data: Record<string, unknown> = {},
  ) {
    const at = clock.now();
    await repo.insertEvent(tx, { caseId: row.id, at, actorId, kind: event, data: { ...data, detail } });
    await recordTimeline(tx, {
      contactId: row.contactId,
      kind: 'complaint',
      occurredAt: at,
      authorId: actorId,
      ...timelineText('timeline.complaint', { number: row.number, event, detail }),
      body: null,
      data: { complaintId: row.id, requestId: row.requestId, status: row.status },
      sourceType: 'complaint',
      sourceId: row.id,
    });
  }

  async function assertColleague(tx: DbOrTx, userId: string, locationId: string, field: string) {
    const person = (await loadPeople(tx, [userId])).get(userId);
    if (!person?.active || (person.role !== 'admin' && !person.locationIds.includes(locationId))) {
      throw bodyError(field, 'own_location_required', "does not work at the complaint's location");
    }
    return person;
  }

  async function notifyForwarded(tx: DbOrTx, row: repo.CaseRow, step: repo.StepRow, to: string) {
    const customer = (await contactRefs(tx, [row.contactId])).get(row.contactId)?.displayName ?? '';
    await ports.notifications.notify(tx, to, {
      kind: 'complaint.forwarded',
      text: notificationText('notification.complaintStep', {
        number: row.number,
        customer,
        step: step.title,
        dueAt: step.dueAt.toISOString(),
        how: 'forwarded',
        responsible: null,
      }),
      link: `/requests/${row.requestId}`,
      data: { complaintId: row.id, stepId: step.id },
    });
  }

  async function addStep(
    tx: DbOrTx,
    row: repo.CaseRow,
    step: {
      kind: 'acknowledge' | 'resolve' | 'custom';
      title: string;
      responsibleId: string | null;
      dueAt: Date;
      note?: string | null;
    },
  ) {
    const inserted = await repo.insertStep(tx, {
      caseId: row.id,
      kind: step.kind,
      title: step.title,
      responsibleId: step.responsibleId,
      dueAt: step.dueAt,
      note: step.note ?? null,
      position: await repo.nextPosition(tx, row.id),
    });
    await escalation.schedule(tx, inserted);
    return inserted;
  }

  async function present(tx: DbOrTx, row: repo.CaseRow): Promise<Complaint> {
    const [steps, events, request, customerVehicles, vehicle] = await Promise.all([
      repo.stepsOf(tx, row.id),
      repo.eventsOf(tx, row.id),
      requestForComplaint(tx, row.requestId),
      vehicleFactsOfContact(tx, row.contactId),
      row.vehicleId ? vehicleFacts(tx, [row.vehicleId]) : Promise.resolve(new Map()),
    ]);
    const customer = (await contactRefs(tx, [row.contactId])).get(row.contactId)?.displayName ?? '';
    const names = await userNames(
      tx,
      [...steps.map((s) => s.responsibleId), ...events.map((e) => e.actorId), row.passedOnById].filter(
        (id): id is string => Boolean(id),
      ),
    );
    const now = clock.now();
    return {
      id: row.id,
      number: row.number,
      requestId: row.requestId,
      requestNumber: request?.number ?? '',
      contactId: row.contactId,
      customer,
      locationId: row.locationId,
      status: row.status as Complaint['status'],
      category: row.category as Complaint['category'],
      severity: row.severity as Complaint['severity'],
      department: row.department as Complaint['department'],
      justified: row.justified as Complaint['justified'],
      rootCause: row.rootCause,
      description: row.description,
      vehicle: row.vehicleId ? (vehicle.get(row.vehicleId) ?? null) : null,
      customerVehicles,
      costs: {
        partsCents: row.partsCents,
        labourCents: row.labourCents,
        goodwillManufacturerCents: row.goodwillManufacturerCents,
        goodwillDealerCents: row.goodwillDealerCents,
        totalCents: totalCents(row),
        minutesSpent: row.minutesSpent,
      },
      satisfaction: row.satisfaction,
      satisfactionScale: row.satisfactionScale as Complaint['satisfactionScale'],
      outcome: row.outcome,
      openedAt: row.openedAt.toISOString(),
      acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
      closedAt: row.closedAt?.toISOString() ?? null,
      passedOn:
        row.passedOnAt && row.passedOnTo
          ? {
              at: row.passedOnAt.toISOString(),
              by: (row.passedOnById && names.get(row.passedOnById)) || '–',
              to: row.passedOnTo,
              note: row.passedOnNote,
            }
          : null,
      steps: steps.map((s) => ({
        id: s.id,
        kind: s.kind as 'acknowledge' | 'resolve' | 'custom',
        title: s.title,
        responsible: s.responsibleId ? { id: s.responsibleId, displayName: names.get(s.responsibleId) ?? '' } : null,
        dueAt: s.dueAt.toISOString(),
        status: s.status as 'open' | 'done',
        doneAt: s.doneAt?.toISOString() ?? null,
        overdue: s.status === 'open' && s.dueAt < now,
        escalatedAt: s.escalatedAt?.toISOString() ?? null,
        note: s.note,
      })),
      history: events.map((e) => ({
        at: e.at.toISOString(),
        actor: e.actorId ? (names.get(e.actorId) ?? null) : null,
        kind: e.kind,
        data: e.data,
      })),
      version: row.version,
    };
  }

  /** Runs a change on the locked case and returns it as the panel shows it. */
  async function change(
    actor: UserActor,
    id: string,
    version: number | undefined,
    work: (tx: DbOrTx, row: repo.CaseRow) => Promise<void>,
  ): Promise<Complaint> {
    await visible(actor, id);
    return db.transaction(async (tx) => {
      const row = await locked(tx, id, version);
      await work(tx, row);
      return present(tx, (await repo.findCase(tx, id))!);
    });
  }

  const assertOpen = (row: repo.CaseRow) => {
    if (row.status === 'closed') throw new ConflictError('The complaint is closed.');
  };

  /** The request's case, made when it has none yet (one per request, whoever asks first). */
  async function openIn(tx: DbOrTx, requestId: string, actorId: string | null) {
    const existing = await repo.findCaseOfRequest(tx, requestId);
    if (existing) return { row: existing, created: false };
    const request = await requestForComplaint(tx, requestId);
    if (!request) throw bodyError('requestId', 'invalid', 'unknown request');
    const vehicle = request.vehicleId ? (await vehicleFacts(tx, [request.vehicleId])).get(request.vehicleId) : null;
    const row = await repo.insertCase(tx, {
      number: await repo.nextNumber(tx),
      requestId,
      contactId: request.contactId,
      locationId: request.locationId,
      description: (request.message?.trim() || request.subject).slice(0, 20_000),
      vehicleId: vehicle?.id ?? null,
      model: vehicle ? modelKey(vehicle) : null,
      openedAt: request.receivedAt,
      createdAt: clock.now(),
      updatedAt: clock.now(),
    });
    if (!row) return { row: (await repo.findCaseOfRequest(tx, requestId))!, created: false };
    await record(tx, row, actorId, 'opened', null);
    return { row, created: true };
  }

  return {
    escalation,

    /** Opens the request's complaint case ("Als Reklamation qualifizieren"); the existing one when it has one. */
    async open(actor: UserActor, requestId: string): Promise<{ complaint: Complaint; created: boolean }> {
      const request = await requestForComplaint(db, requestId);
      if (!request) throw bodyError('requestId', 'invalid', 'unknown request');
      assertLocation(actor, request.locationId);
      return db.transaction(async (tx) => {
        const { row, created } = await openIn(tx, requestId, actor.userId);
        return { complaint: await present(tx, row), created };
      });
    },

    /**
     * A complaint request opens its case as it is taken in, in the intake's transaction, so
     * qualifying can start at once (by mail, letter, phone, a low survey score …).
     */
    async openForRequestIn(tx: DbOrTx, requestId: string): Promise<void> {
      await openIn(tx, requestId, null);
    },

    async get(actor: UserActor, id: string): Promise<Complaint> {
      const row = await visible(actor, id);
      return present(db, row);
    },

    async ofRequest(actor: UserActor, requestId: string): Promise<Complaint> {
      const row = await repo.findCaseOfRequest(db, requestId);
      if (!row) throw new NotFoundError('The complaint');
      assertLocation(actor, row.locationId);
      return present(db, row);
    },

    /** Earlier complaints like this one; category and vehicle as being qualified override the stored ones. */
    async similar(actor: UserActor, id: string, probe: { category?: string; vehicleId?: string }) {
      const row = await visible(actor, id);
      const vehicleId = probe.vehicleId ?? row.vehicleId;
      const vehicle = vehicleId ? (await vehicleFacts(db, [vehicleId])).get(vehicleId) : null;
      const items = await similarComplaints(db, {
        caseId: row.id,
        contactId: row.contactId,
        vehicleId: vehicle?.id ?? null,
        model: vehicle ? modelKey(vehicle) : row.model,
        category: probe.category ?? row.category,
        text: row.description,
      });
      return { items };
    },

    /** Qualification; the first one also plans the default steps (acknowledge, resolve) by working days. */
    async qualify(actor: UserActor, id: string, input: z.output<typeof ComplaintQualification>) {
      const current = await visible(actor, id);
      const calendar = await calendarOf(current.locationId);
      return change(actor, id, input.version, async (tx, row) => {
        assertOpen(row);
        let vehicle: { id: string; make: string; model: string; label: string } | null = null;
        if (input.vehicleId) {
          const own = await vehicleFactsOfContact(tx, row.contactId);
          vehicle =
            own.find((v) => v.id === input.vehicleId) ??
            (input.vehicleId === row.vehicleId
              ? ((await vehicleFacts(tx, [row.vehicleId])).get(row.vehicleId) ?? null)
              : null);
          if (!vehicle) throw bodyError('vehicleId', 'invalid', "is not one of the customer's vehicles");
        }
        const first = row.status === 'new';
        const updated = await repo.updateCase(
          tx,
          row.id,
          {
            category: input.category,
            severity: input.severity,
            department: input.department,
            justified: input.justified,
            rootCause: input.rootCause ?? null,
            vehicleId: vehicle?.id ?? null,
            model: vehicle ? modelKey(vehicle) : null,
            status: first ? 'qualified' : row.status,
          },
          clock.now(),
        );
        if (first) {
          const responsibleId = (await requestForComplaint(tx, row.requestId))?.assigneeId ?? actor.userId;
          const from = row.openedAt;
          await addStep(tx, updated, {
            kind: 'acknowledge',
            title: 'Eingang bestätigen',
            responsibleId,
            dueAt: addWorkingDays(calendar, from, ACKNOWLEDGE_WORKING_DAYS),
          });
          await addStep(tx, updated, {
            kind: 'resolve',
            title: 'Reklamation lösen',
            responsibleId,
            dueAt: addWorkingDays(calendar, from, RESOLVE_WORKING_DAYS[input.severity as ComplaintSeverity]),
          });
        } else if (input.severity !== row.severity) {
          // A changed severity moves the open resolve deadline with it.
          for (const step of await repo.stepsOf(tx, row.id)) {
            if (step.kind !== 'resolve' || step.status !== 'open') continue;
            const dueAt = addWorkingDays(
              calendar,
              row.openedAt,
              RESOLVE_WORKING_DAYS[input.severity as ComplaintSeverity],
            );
            await escalation.schedule(tx, await repo.updateStep(tx, step.id, { dueAt, escalatedAt: null }));
          }
        }
        await record(tx, updated, actor.userId, 'qualified', `${input.category}/${input.severity}`, {
          category: input.category,
          severity: input.severity,
          department: input.department,
          justified: input.justified,
        });
      });
    },

    async addStep(actor: UserActor, id: string, input: z.output<typeof ComplaintStepInput>) {
      return change(actor, id, undefined, async (tx, row) => {
        assertOpen(row);
        const person = await assertColleague(tx, input.responsibleId, row.locationId, 'responsibleId');
        const step = await addStep(tx, row, {
          kind: 'custom',
          title: input.title,
          responsibleId: person.id,
          dueAt: new Date(input.dueAt),
          note: input.note ?? null,
        });
        const updated =
          row.status === 'qualified' ? await repo.updateCase(tx, row.id, { status: 'in_remedy' }, clock.now()) : row;
        await record(tx, updated, actor.userId, 'step_added', step.title, { stepId: step.id, dueAt: step.dueAt });
        if (person.id !== actor.userId) await notifyForwarded(tx, updated, step, person.id);
      });
    },

    /** Done or reopened, forwarded to a colleague (who is notified), moved, annotated. */
    async updateStep(actor: UserActor, id: string, stepId: string, input: z.output<typeof ComplaintStepUpdate>) {
      return change(actor, id, undefined, async (tx, row) => {
        assertOpen(row);
        const step = await repo.findStep(tx, row.id, stepId);
        if (!step) throw new NotFoundError('The step');
        const now = clock.now();
        let current = row;
        const values: Partial<repo.StepRow> = {};
        if (input.note !== undefined) values.note = input.note ?? null;
        if (input.dueAt !== undefined) Object.assign(values, { dueAt: new Date(input.dueAt), escalatedAt: null });
        if (input.responsibleId !== undefined && input.responsibleId !== step.responsibleId) {
          const person = await assertColleague(tx, input.responsibleId, row.locationId, 'responsibleId');
          values.responsibleId = person.id;
        }
        if (input.status === 'done' && step.status === 'open') {
          Object.assign(values, { status: 'done', doneAt: now, doneById: actor.userId });
        } else if (input.status === 'open' && step.status === 'done') {
          Object.assign(values, { status: 'open', doneAt: null, doneById: null });
        }
        const saved = await repo.updateStep(tx, step.id, values);
        if (values.dueAt || values.status === 'open') await escalation.schedule(tx, saved);
        if (values.status === 'done') {
          current = await repo.updateCase(
            tx,
            row.id,
            {
              status: row.status === 'qualified' ? 'in_remedy' : row.status,
              acknowledgedAt: step.kind === 'acknowledge' && !row.acknowledgedAt ? now : row.acknowledgedAt,
            },
            now,
          );
          await record(tx, current, actor.userId, 'step_done', step.title, { stepId: step.id });
        }
        if (values.status === 'open')
          await record(tx, current, actor.userId, 'step_reopened', step.title, { stepId: step.id });
        if (values.responsibleId) {
          const name = (await userNames(tx, [values.responsibleId])).get(values.responsibleId) ?? '';
          await record(tx, current, actor.userId, 'forwarded', name, { stepId: step.id, to: values.responsibleId });
          if (values.responsibleId !== actor.userId) await notifyForwarded(tx, current, saved, values.responsibleId);
        }
      });
    },

    async setCosts(actor: UserActor, id: string, input: z.output<typeof ComplaintCosts>) {
      return change(actor, id, input.version, async (tx, row) => {
        const { version: _version, ...costs } = input;
        const updated = await repo.updateCase(tx, row.id, costs, clock.now());
        await record(tx, updated, actor.userId, 'costs', formatEuro(totalCents(updated)), {
          ...costs,
          totalCents: totalCents(updated),
        });
      });
    },

    /** "An Produktmanagement / Hersteller übergeben": who, when, to whom. */
    async passOn(actor: UserActor, id: string, input: z.output<typeof ComplaintPassOn>) {
      return change(actor, id, input.version, async (tx, row) => {
        assertOpen(row);
        const now = clock.now();
        const updated = await repo.updateCase(
          tx,
          row.id,
          {
            status: 'passed_on',
            passedOnAt: now,
            passedOnById: actor.userId,
            passedOnTo: input.to,
            passedOnNote: input.note ?? null,
          },
          now,
        );
        await record(tx, updated, actor.userId, 'passed_on', input.to, { note: input.note ?? null });
      });
    },

    async close(actor: UserActor, id: string, input: z.output<typeof ComplaintClose>) {
      return change(actor, id, input.version, async (tx, row) => {
        assertOpen(row);
        if (!row.category) throw bodyError('category', 'required', 'qualify the complaint before closing it');
        const now = clock.now();
        const updated = await repo.updateCase(
          tx,
          row.id,
          {
            status: 'closed',
            closedAt: now,
            outcome: input.outcome,
            justified: input.justified,
            satisfaction: input.satisfaction ?? null,
            satisfactionScale: input.satisfaction != null ? input.satisfactionScale : null,
          },
          now,
        );
        await record(tx, updated, actor.userId, 'closed', input.outcome.slice(0, 200), {
          justified: input.justified,
          satisfaction: input.satisfaction ?? null,
        });
      });
    },

    async list(actor: UserActor, query: z.output<typeof ComplaintListQuery>) {
      if (query.locationId && !hasLocation(actor, query.locationId)) assertLocation(actor, query.locationId);
      const locationIds = query.locationId ? [query.locationId] : actor.locationIds;
      const now = clock.now();
      const found = await repo.listCases(
        db,
        {
          locationIds,
          status: query.filter === 'all' ? 'all' : 'open',
          overdueAt: query.filter === 'overdue' ? now : null,
          responsibleId: query.filter === 'mine' ? actor.userId : null,
        },
        query.limit,
      );
      const names = await contactRefs(
        db,
        found.map((f) => f.row.contactId),
      );
      return {
        items: found.map(({ row, nextDueAt }) => {
          const due = nextDueAt ? new Date(nextDueAt) : null;
          return {
            id: row.id,
            number: row.number,
            requestId: row.requestId,
            customer: names.get(row.contactId)?.displayName ?? '',
            locationId: row.locationId,
            status: row.status as Complaint['status'],
            category: row.category as Complaint['category'],
            severity: row.severity as Complaint['severity'],
            openedAt: row.openedAt.toISOString(),
            nextDueAt: due?.toISOString() ?? null,
            overdue: row.status !== 'closed' && due !== null && due < now,
          };
        }),
      };
    },

    /** The case as shown, for the PDF export. */
    presentIn: present,
    visible,
  };
}

export type ComplaintsService = ReturnType<typeof createComplaintsService>;
