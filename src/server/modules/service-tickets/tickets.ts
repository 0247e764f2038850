import type { z } from 'zod';
import type { ActivityType } from '@shared/activities/enums';
import type {
  CallTicketStart,
  ServiceTicket,
  StepCompletion,
  TicketListQuery,
  TicketStart,
} from '@shared/service-tickets/schemas';
import { timelineText } from '@shared/texts/timeline';
import type { DbOrTx } from '@server/db/client';
import { isUniqueViolationOf } from '@server/db/unique-violation';
import type { Deps } from '@server/deps';
import { assertLocation, hasLocation, type UserActor } from '@server/http/access';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@server/http/errors';
import { addWorkingHours, type WorkingCalendar } from '@server/lib/working-time';
import type { ActivitiesService } from '@server/modules/activities';
import { contactRefs, regularStaffOf } from '@server/modules/contacts';
import { activeStaffAt, loadPeople, workingCalendarOf } from '@server/modules/org';
import { requestRefs } from '@server/modules/requests';
import { callRefs } from '@server/modules/telephony';
import { recordTimeline } from '@server/modules/timeline';
import { vehicleRefs } from '@server/modules/vehicles';
import type { deadlineWatch } from './deadline';
import { presentTickets } from './presenters';
import * as repo from './repo';

/** Who may start a ticket and work its steps; everyone at the location reads them. */
const WORKERS = new Set(['admin', 'manager', 'service', 'reception', 'parts']);

type Watch = ReturnType<typeof deadlineWatch>;

/**
 * Service tickets: a customer event run through a process version. Each step, when it starts,
 * goes to the right person of its role at the ticket's location with an activity in their list;
 * completing that activity (or the step on the ticket) starts the next one.
 */
export function createTickets(deps: Deps, activities: ActivitiesService, watch: Watch) {
  const { db, clock } = deps;

  async function calendarOf(tx: DbOrTx, locationId: string): Promise<WorkingCalendar> {
    const calendar = await workingCalendarOf(tx, locationId);
    if (!calendar) throw new NotFoundError('Location');
    return calendar;
  }

  /**
   * The step's person: the customer's own service advisor for an advisor's step when they work
   * at the location; otherwise the colleague of that role there with the fewest steps in hand
   * (the location's managers when nobody has the role).
   */
  async function pickAssignee(tx: DbOrTx, ticket: repo.TicketRow, role: string): Promise<string | null> {
    if (role === 'service') {
      const advisorId = (await regularStaffOf(tx, ticket.contactId))?.serviceAdvisorId;
      const advisor = advisorId ? (await loadPeople(tx, [advisorId])).get(advisorId) : undefined;
      if (advisor?.active && advisor.role === 'service' && advisor.locationIds.includes(ticket.locationId))
        return advisor.id;
    }
    let staff = await activeStaffAt(tx, ticket.locationId, role as never);
    if (!staff.length) staff = await activeStaffAt(tx, ticket.locationId, 'manager');
    if (!staff.length) return null;
    const load = await repo.currentStepLoad(
      tx,
      staff.map((p) => p.id),
    );
    // Stable: by load, then by name (activeStaffAt's order).
    return staff.reduce((best, p) => ((load.get(p.id) ?? 0) < (load.get(best.id) ?? 0) ? p : best), staff[0]!).id;
  }

  async function startStep(
    tx: DbOrTx,
    ticket: repo.TicketRow,
    step: repo.TicketStepRow,
    calendar: WorkingCalendar,
    byId: string | null,
  ): Promise<void> {
    const now = clock.now();
    const dueAt = addWorkingHours(calendar, now, step.expectedMinutes / 60);
    const assigneeId = await pickAssignee(tx, ticket, step.role);
    let activityId: string | null = null;
    if (step.activityType && assigneeId) {
      const activity = await activities.planIn(
        tx,
        { userId: byId },
        null,
        {
          type: step.activityType as ActivityType,
          subject: `${ticket.number} · ${step.title}`.slice(0, 200),
          note: ticket.note,
          priority: 'normal',
          ownerId: assigneeId,
          contactId: ticket.contactId,
          vehicleId: ticket.vehicleId,
          requestId: ticket.requestId,
          allDay: false,
          startsAt: dueAt.toISOString(),
          endsAt: null,
          place: null,
          reminderMinutesBefore: null,
        },
        { locationId: ticket.locationId },
      );
      activityId = activity.id;
    }
    await repo.updateStep(tx, step.id, { status: 'current', startedAt: now, dueAt, assigneeId, activityId });
    await watch.watchStep(tx, ticket.id, step.id, dueAt);
  }

  /** The step is done: record what it took, and start the next one or finish the ticket. */
  async function finishStep(
    tx: DbOrTx,
    ticket: repo.TicketRow,
    step: repo.TicketStepRow,
    byId: string | null,
    how: z.output<typeof StepCompletion>,
  ): Promise<void> {
    const now = clock.now();
    await repo.updateStep(tx, step.id, {
      status: 'done',
      completedAt: now,
      completedById: byId,
      actualMinutes:
        how.actualHours === null || how.actualHours === undefined ? null : Math.round(how.actualHours * 60),
      actualCostCents: how.actualCostCents ?? null,
      note: how.note ?? null,
    });
    await watch.stopStep(tx, step.id);
    const entry = { contactId: ticket.contactId, vehicleId: ticket.vehicleId, kind: 'service_ticket' as const };
    const source = { sourceType: 'service_ticket', sourceId: ticket.id };
    await recordTimeline(tx, {
      ...entry,
      occurredAt: now,
      authorId: byId,
      ...timelineText('timeline.serviceStepDone', { number: ticket.number, step: step.title }),
      body: how.note ?? null,
      data: { ticketId: ticket.id, stepId: step.id },
      ...source,
    });
    const steps = (await repo.stepsOfTickets(tx, [ticket.id])).get(ticket.id)!;
    const next = steps.find((s) => s.position > step.position && s.status === 'pending');
    if (next) {
      await startStep(tx, ticket, next, await calendarOf(tx, ticket.locationId), byId);
      return;
    }
    await repo.updateTicket(tx, ticket.id, { status: 'done', completedAt: now });
    await watch.stopTicket(tx, ticket.id);
    const template = await repo.findTemplate(tx, ticket.templateId);
    await recordTimeline(tx, {
      ...entry,
      occurredAt: now,
      authorId: byId,
      ...timelineText('timeline.serviceTicketDone', { number: ticket.number, process: template?.name ?? '' }),
      data: { ticketId: ticket.id },
      ...source,
    });
  }

  async function readable(actor: UserActor, id: string, tx: DbOrTx = db, forUpdate = false) {
    const row = await repo.findTicket(tx, id, forUpdate);
    if (!row) throw new NotFoundError('Service ticket');
    if (!hasLocation(actor, row.locationId)) throw new ForbiddenError('This ticket belongs to another location.');
    return row;
  }
  const one = async (row: repo.TicketRow) => (await presentTickets(db, [row], clock.now()))[0]!;

  /** Where the ticket comes from: the request's customer and location, or the ones given. */
  async function origin(tx: DbOrTx, input: z.output<typeof TicketStart>) {
    if (input.requestId) {
      const request = (await requestRefs(tx, [input.requestId])).get(input.requestId);
      if (!request)
        throw new ValidationError([
          { field: 'requestId', in: 'body', code: 'unknown_request', message: 'unknown request' },
        ]);
      // A request without a customer yet (an anonymous lead) needs one named.
      const contactId = request.contactId ?? input.contactId;
      if (!contactId)
        throw new ValidationError([{ field: 'contactId', in: 'body', code: 'required', message: 'is required' }]);
      return { contactId, locationId: request.locationId, requestId: request.id };
    }
    const missing = (['contactId', 'locationId'] as const).filter((f) => !input[f]);
    if (missing.length)
      throw new ValidationError(
        missing.map((field) => ({ field, in: 'body', code: 'required', message: 'is required' })),
      );
    if (!(await contactRefs(tx, [input.contactId!])).has(input.contactId!))
      throw new ValidationError([
        { field: 'contactId', in: 'body', code: 'unknown_contact', message: 'unknown contact' },
      ]);
    return { contactId: input.contactId!, locationId: input.locationId!, requestId: null };
  }

  interface Origin {
    contactId: string;
    locationId: string;
    requestId: string | null;
    callId: string | null;
  }

  /** The ticket with its own copy of the process's steps, its timeline entry and its first step started. */
  async function open(
    tx: DbOrTx,
    actor: UserActor,
    from: Origin,
    templateId: string,
    vehicleId: string | null,
    note: string | null,
  ): Promise<repo.TicketRow> {
    const template = await repo.findTemplate(tx, templateId);
    if (!template || !template.current || (template.locationId && template.locationId !== from.locationId)) {
      throw new ValidationError([
        { field: 'templateId', in: 'body', code: 'invalid', message: 'no current process for this location' },
      ]);
    }
    if (vehicleId && !(await vehicleRefs(tx, [vehicleId])).has(vehicleId)) {
      throw new ValidationError([
        { field: 'vehicleId', in: 'body', code: 'unknown_vehicle', message: 'unknown vehicle' },
      ]);
    }
    const calendar = await calendarOf(tx, from.locationId);
    const planned = (await repo.stepsOfTemplates(tx, [template.id])).get(template.id)!;
    const now = clock.now();
    const total = planned.reduce((sum, s) => sum + s.expectedMinutes, 0);
    const ticket = await repo.insertTicket(tx, {
      number: await repo.nextTicketNumber(tx),
      templateId: template.id,
      contactId: from.contactId,
      vehicleId: vehicleId,
      locationId: from.locationId,
      requestId: from.requestId,
      callId: from.callId,
      note,
      status: 'open',
      startedAt: now,
      dueAt: addWorkingHours(calendar, now, total / 60),
      createdById: actor.userId,
      createdAt: now,
    });
    // The ticket's own copy: a later version of the process leaves it as it started.
    const steps = await repo.insertTicketSteps(
      tx,
      planned.map((s) => ({
        ticketId: ticket.id,
        position: s.position,
        title: s.title,
        role: s.role,
        expectedMinutes: s.expectedMinutes,
        expectedCostCents: s.expectedCostCents,
        activityType: s.activityType,
      })),
    );
    await recordTimeline(tx, {
      contactId: ticket.contactId,
      vehicleId: ticket.vehicleId,
      kind: 'service_ticket',
      occurredAt: now,
      authorId: actor.userId,
      ...timelineText('timeline.serviceTicketStarted', {
        number: ticket.number,
        process: template.name,
        dueAt: ticket.dueAt.toISOString(),
      }),
      body: ticket.note,
      data: { ticketId: ticket.id, templateId: template.id, version: template.version },
      sourceType: 'service_ticket',
      sourceId: ticket.id,
    });
    await watch.watchTicket(tx, ticket.id, ticket.dueAt);
    await startStep(tx, ticket, steps.sort((a, b) => a.position - b.position)[0]!, calendar, actor.userId);
    return ticket;
  }

  return {
    async start(actor: UserActor, input: z.output<typeof TicketStart>): Promise<ServiceTicket> {
      if (!WORKERS.has(actor.role)) throw new ForbiddenError();
      const row = await db.transaction(async (tx) => {
        const from = await origin(tx, input);
        assertLocation(actor, from.locationId);
        return open(
          tx,
          actor,
          { ...from, callId: null },
          input.templateId,
          input.vehicleId ?? null,
          input.note ?? null,
        );
      });
      return one(row);
    },

    /**
     * A call's note starts a ticket for the call's customer at the call's location, the note
     * taken over word for word. Once per call and process: a second start returns the first ticket.
     */
    async startFromCall(
      actor: UserActor,
      callId: string,
      input: z.output<typeof CallTicketStart>,
    ): Promise<{ created: boolean; ticket: ServiceTicket }> {
      if (!WORKERS.has(actor.role)) throw new ForbiddenError();
      const attempt = () =>
        db.transaction(async (tx) => {
          const call = (await callRefs(tx, [callId])).get(callId);
          if (!call) throw new NotFoundError('Call');
          // A line nobody assigned to a location: the user says where the ticket runs.
          const locationId = call.locationId ?? input.locationId;
          if (!locationId)
            throw new ValidationError([
              { field: 'locationId', in: 'body', code: 'required', message: 'the call has no location' },
            ]);
          if (!hasLocation(actor, locationId)) throw new ForbiddenError('This call belongs to another location.');
          if (input.contactId && call.contactId !== input.contactId) throw new NotFoundError('Call');
          if (!call.contactId)
            throw new ValidationError([
              { field: 'contactId', in: 'body', code: 'required', message: 'the call has no customer yet' },
            ]);
          const existing = await repo.ticketOfCall(tx, call.id, input.templateId);
          if (existing) return { created: false, row: existing };
          const from = { contactId: call.contactId, locationId, requestId: null, callId: call.id };
          return { created: true, row: await open(tx, actor, from, input.templateId, null, call.note) };
        });
      let result: { created: boolean; row: repo.TicketRow };
      try {
        result = await attempt();
      } catch (error) {
        // Two clicks at once: the other one's ticket is there now.
        if (!isUniqueViolationOf(error, 'service_tickets_call_template_uq')) throw error;
        result = await attempt();
      }
      return { created: result.created, ticket: await one(result.row) };
    },

    async get(actor: UserActor, id: string): Promise<ServiceTicket> {
      return one(await readable(actor, id));
    },

    async list(actor: UserActor, query: z.output<typeof TicketListQuery>): Promise<ServiceTicket[]> {
      if (query.locationId) assertLocation(actor, query.locationId);
      const locationIds = query.locationId ? [query.locationId] : actor.role === 'admin' ? null : actor.locationIds;
      const rows = await repo.listTickets(db, {
        locationIds,
        assigneeId: query.scope === 'mine' && !query.requestId && !query.callId ? actor.userId : undefined,
        overdueAt: query.scope === 'overdue' ? clock.now() : undefined,
        requestId: query.requestId,
        callId: query.callId,
        openOnly: query.status === 'open',
      });
      return presentTickets(db, rows, clock.now());
    },

    /** The step is done on the ticket; its open activity is done with it. */
    async completeStep(
      actor: UserActor,
      ticketId: string,
      stepId: string,
      how: z.output<typeof StepCompletion>,
    ): Promise<ServiceTicket> {
      const row = await db.transaction(async (tx) => {
        const ticket = await readable(actor, ticketId, tx, true);
        const step = (await repo.stepsOfTickets(tx, [ticketId])).get(ticketId)!.find((s) => s.id === stepId);
        if (!step) throw new NotFoundError('Step');
        if (step.assigneeId !== actor.userId && !WORKERS.has(actor.role)) throw new ForbiddenError();
        if (ticket.status !== 'open' || step.status !== 'current')
          throw new ConflictError('Only the step in progress of an open ticket can be completed.');
        await finishStep(tx, ticket, step, actor.userId, how);
        // Marked done first, so the activity's "done" finds no step left to complete.
        if (step.activityId) await activities.completeIn(tx, step.activityId, actor.userId, 'done', how.note ?? null);
        return ticket;
      });
      return one(row);
    },

    /** Its activity was completed in the calendar or list: the step is done, in the same transaction. */
    async activityDone(tx: DbOrTx, activityId: string, byId: string | null): Promise<void> {
      const step = await repo.stepOfActivity(tx, activityId);
      if (!step) return;
      const ticket = await repo.findTicket(tx, step.ticketId, true);
      if (!ticket || ticket.status !== 'open') return;
      await finishStep(tx, ticket, step, byId, {});
    },
  };
}
