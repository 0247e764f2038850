import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { OpportunityStage } from '@shared/sales/enums';
import { OPPORTUNITY_STAGES } from '@shared/sales/enums';
import type {
  Board,
  CustomerOpportunities,
  OpportunityDetail,
  OpportunityInput,
  OpportunityList,
  OpportunityListQuery,
  OpportunityLoss,
  OpportunityReopen,
  OpportunityStageMove,
  OpportunityUpdate,
} from '@shared/sales/opportunity-schemas';
import { timelineText } from '@shared/texts/timeline';
import type { DbOrTx } from '@server/db/client';
import type { Deps } from '@server/deps';
import { isUniqueViolationOf } from '@server/db/unique-violation';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@server/http/errors';
import { hasLocation, type UserActor } from '@server/http/access';
import { berlinDay } from '@server/modules/activities';
import { isDeputyOn } from '@server/modules/assignment';
import { contactRefs } from '@server/modules/contacts';
import { loadPeople, userNames } from '@server/modules/org';
import { requestRefs } from '@server/modules/requests';
import { recordTimeline } from '@server/modules/timeline';
import { vehicleRefs } from '@server/modules/vehicles';
import { opportunities, opportunityStageChanges } from '../tables';
import { loseOpportunityIn, moveOpportunityIn, reopenOpportunityIn } from './moves';
import { nextOpportunityNumber } from './numbers';
import { missingFor } from './prerequisites';
import { boardRows, customerRows, detailRow, listRows, presentOffer, presentSummary } from './read';

type Input = z.output<typeof OpportunityInput>;
type Update = z.output<typeof OpportunityUpdate>;
type Move = z.output<typeof OpportunityStageMove>;
type Loss = z.output<typeof OpportunityLoss>;
type Reopen = z.output<typeof OpportunityReopen>;
type ListQuery = z.output<typeof OpportunityListQuery>;
type Row = typeof opportunities.$inferSelect;

const SELLERS = new Set(['admin', 'manager', 'sales']);
const field = (name: string, code: 'required', message: string) => ({
  field: name,
  in: 'body' as const,
  code,
  message,
});

export type OpportunitiesService = ReturnType<typeof createOpportunitiesService>;

/**
 * Opportunities (Verkaufschance): opened from a sales lead, the customer record or a walk-in,
 * moved along the pipeline by consultants when what a stage implies exists, lost with a reason
 * and reopened. Every change writes a stage change and the customer's timeline entry in the
 * same transaction; a stale version is refused with 409.
 */
export function createOpportunitiesService(deps: Deps) {
  const { db, clock } = deps;

  async function load(tx: DbOrTx, id: string, lock = false): Promise<Row> {
    const query = tx.select().from(opportunities).where(eq(opportunities.id, id));
    const [row] = lock ? await query.for('update') : await query;
    if (!row) throw new NotFoundError('The opportunity');
    return row;
  }

  function assertReads(actor: UserActor, row: Row) {
    if (!SELLERS.has(actor.role)) throw new ForbiddenError('Only sales staff and managers work with the pipeline.');
    if (!hasLocation(actor, row.locationId)) throw new ForbiddenError('You do not work at this location.');
  }

  /** Managers edit all of their locations'; consultants their own and those of colleagues they deputise for today. */
  async function assertEdits(tx: DbOrTx, actor: UserActor, row: Row) {
    assertReads(actor, row);
    if (actor.role !== 'sales' || row.ownerId === actor.userId) return;
    if (await isDeputyOn(tx, actor.userId, row.ownerId, berlinDay(clock.now()))) return;
    throw new ForbiddenError(`Opportunity ${row.number} belongs to a colleague you do not stand in for.`);
  }

  function assertVersion(row: Row, version: number) {
    if (row.version !== version) {
      throw new ConflictError(`Opportunity ${row.number} was changed meanwhile. Reload it and try again.`, [
        { field: 'version', in: 'body', code: 'out_of_date', message: 'was changed meanwhile' },
      ]);
    }
  }

  function assertOpen(row: Row) {
    if (row.status !== 'open') {
      throw new ConflictError(`Opportunity ${row.number} is ${row.status}.`, [
        {
          field: 'status',
          in: 'body',
          code: 'opportunity_closed',
          message: `is ${row.status}`,
          params: { number: row.number },
        },
      ]);
    }
  }

  async function detail(tx: DbOrTx, id: string): Promise<OpportunityDetail> {
    const [summary, row, changes] = await Promise.all([
      detailRow(tx, id),
      load(tx, id),
      tx
        .select()
        .from(opportunityStageChanges)
        .where(eq(opportunityStageChanges.opportunityId, id))
        .orderBy(asc(opportunityStageChanges.at), asc(opportunityStageChanges.id)),
    ]);
    const names = await userNames(
      tx,
      changes.map((c) => c.byId).filter((v): v is string => Boolean(v)),
    );
    const now = clock.now();
    return {
      ...presentSummary(summary!, now),
      requestId: row.requestId,
      interestVehicleId: row.interestVehicleId,
      interestMake: row.interestMake,
      interestModel: row.interestModel,
      interestDescription: row.interestDescription,
      lostReason: row.lostReason as OpportunityDetail['lostReason'],
      lostToBrand: row.lostToBrand,
      lostNote: row.lostNote,
      closedAt: row.closedAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
      currentOffer: presentOffer(summary!.current_offer),
      changes: changes.map((c) => ({
        at: c.at.toISOString(),
        by: c.byId ? { id: c.byId, displayName: names.get(c.byId) ?? '—' } : null,
        fromStage: c.fromStage as OpportunityStage | null,
        toStage: c.toStage as OpportunityStage,
        status: c.status as OpportunityDetail['status'],
        data: c.data,
      })),
    };
  }

  /** Customer, consultant and location: from the request when given, else from the input and the caller. */
  async function origin(tx: DbOrTx, actor: UserActor, input: Input) {
    const request = input.requestId ? (await requestRefs(tx, [input.requestId])).get(input.requestId) : undefined;
    if (input.requestId && !request) {
      throw new ValidationError([
        { field: 'requestId', in: 'body', code: 'unknown_request', message: 'unknown request' },
      ]);
    }
    const contactId = request?.contactId ?? input.contactId ?? null;
    if (!contactId) throw new ValidationError([field('contactId', 'required', 'a customer is required')]);
    if (!(await contactRefs(tx, [contactId])).has(contactId)) {
      throw new ValidationError([
        { field: 'contactId', in: 'body', code: 'unknown_contact', message: 'unknown contact' },
      ]);
    }
    const locationId = input.locationId ?? request?.locationId ?? actor.homeLocationId;
    if (!hasLocation(actor, locationId)) throw new ForbiddenError('You do not work at this location.');
    const ownerId = input.ownerId ?? request?.assigneeId ?? (actor.role === 'reception' ? null : actor.userId) ?? null;
    if (!ownerId) throw new ValidationError([field('ownerId', 'required', 'a consultant is required')]);
    const owner = (await loadPeople(tx, [ownerId])).get(ownerId);
    if (!owner || !owner.active) {
      throw new ValidationError([
        { field: 'ownerId', in: 'body', code: 'active_colleague_required', message: 'is not an active colleague' },
      ]);
    }
    if (!owner.locationIds.includes(locationId)) {
      throw new ValidationError([
        { field: 'ownerId', in: 'body', code: 'own_location_required', message: 'does not work at this location' },
      ]);
    }
    if (input.interestVehicleId && !(await vehicleRefs(tx, [input.interestVehicleId])).has(input.interestVehicleId)) {
      throw new ValidationError([
        { field: 'interestVehicleId', in: 'body', code: 'unknown_vehicle', message: 'unknown vehicle' },
      ]);
    }
    return { request, contactId, locationId, ownerId };
  }

  async function openOfRequest(tx: DbOrTx, requestId: string) {
    const [open] = await tx
      .select({ number: opportunities.number })
      .from(opportunities)
      .where(and(eq(opportunities.requestId, requestId), eq(opportunities.status, 'open')));
    return open ?? null;
  }

  function alreadyOpen(number: string) {
    return new ConflictError(`This request already has the open opportunity ${number}.`, [
      {
        field: 'requestId',
        in: 'body',
        code: 'open_opportunity_exists',
        message: `already has the open opportunity ${number}`,
        params: { number },
      },
    ]);
  }

  async function create(actor: UserActor, input: Input): Promise<OpportunityDetail> {
    try {
      return await db.transaction(async (tx) => {
        const { request, contactId, locationId, ownerId } = await origin(tx, actor, input);
        if (request) {
          const open = await openOfRequest(tx, request.id);
          if (open) throw alreadyOpen(open.number);
        }
        const now = clock.now();
        const number = await nextOpportunityNumber(tx);
        const [row] = await tx
          .insert(opportunities)
          .values({
            number,
            contactId,
            ownerId,
            locationId,
            requestId: request?.id ?? null,
            interestKind: input.interestKind,
            interestVehicleId: input.interestVehicleId ?? null,
            interestMake: input.interestMake,
            interestModel: input.interestModel,
            interestDescription: input.interestDescription || null,
            source: input.source ?? request?.source ?? null,
            campaign: input.campaign ?? request?.campaign ?? null,
            expectedValueCents: input.expectedValueCents ?? null,
            expectedCloseOn: input.expectedCloseOn ?? null,
            stageChangedAt: now,
            createdById: actor.userId,
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        await tx.insert(opportunityStageChanges).values({
          opportunityId: row!.id,
          locationId: row!.locationId,
          at: now,
          byId: actor.userId,
          fromStage: null,
          toStage: 'new',
          status: 'open',
          data: request ? { requestId: request.id } : null,
        });
        const interest = [input.interestMake, input.interestModel].filter(Boolean).join(' ');
        await recordTimeline(tx, {
          contactId,
          kind: 'opportunity',
          occurredAt: now,
          authorId: actor.userId,
          ...timelineText('timeline.opportunityCreated', { number, interest }),
          data: { opportunityId: row!.id, stage: 'new' },
          sourceType: 'opportunity',
          sourceId: row!.id,
        });
        return detail(tx, row!.id);
      });
    } catch (error) {
      // Two colleagues opening one for the same request at once: the index lets one through.
      if (input.requestId && isUniqueViolationOf(error, 'opportunities_open_request_uq')) {
        const open = await openOfRequest(db, input.requestId);
        throw alreadyOpen(open?.number ?? '');
      }
      throw error;
    }
  }

  async function get(actor: UserActor, id: string) {
    const row = await load(db, id);
    assertReads(actor, row);
    return detail(db, id);
  }

  async function update(actor: UserActor, id: string, input: Update) {
    return db.transaction(async (tx) => {
      const row = await load(tx, id, true);
      await assertEdits(tx, actor, row);
      assertVersion(row, input.version);
      if (input.ownerId && input.ownerId !== row.ownerId) {
        const owner = (await loadPeople(tx, [input.ownerId])).get(input.ownerId);
        if (!owner?.active || !owner.locationIds.includes(row.locationId)) {
          throw new ValidationError([
            { field: 'ownerId', in: 'body', code: 'own_location_required', message: 'does not work at this location' },
          ]);
        }
      }
      const { version: _version, ...fields } = input;
      const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
      await tx
        .update(opportunities)
        .set({ ...set, version: sql`${opportunities.version} + 1`, updatedAt: clock.now() })
        .where(eq(opportunities.id, id));
      return detail(tx, id);
    });
  }

  async function moveStage(actor: UserActor, id: string, move: Move) {
    return db.transaction(async (tx) => {
      const row = await load(tx, id, true);
      await assertEdits(tx, actor, row);
      assertVersion(row, move.version);
      assertOpen(row);
      if (move.stage === 'delivered') {
        throw new ValidationError(
          [{ field: 'stage', in: 'body', code: 'stage_by_delivery_only', message: 'is reached by the delivery' }],
          'An opportunity is delivered by completing the delivery, not by moving it.',
        );
      }
      if (move.stage === row.stage) return detail(tx, id);
      const missing = await missingFor(tx, id, move.stage);
      if (missing) {
        const what = { test_drive: 'a booked test drive', offer: 'a sent offer', purchase_order: 'a purchase order' };
        throw new ValidationError(
          [
            {
              field: 'stage',
              in: 'body',
              code: 'stage_prerequisite_missing',
              message: `needs ${what[missing]}`,
              params: { stage: move.stage, missing },
            },
          ],
          `The stage "${move.stage}" needs ${what[missing]}.`,
        );
      }
      await moveOpportunityIn(tx, { row, byId: actor.userId, at: clock.now() }, move.stage);
      return detail(tx, id);
    });
  }

  async function lose(actor: UserActor, id: string, loss: Loss) {
    return db.transaction(async (tx) => {
      const row = await load(tx, id, true);
      await assertEdits(tx, actor, row);
      assertVersion(row, loss.version);
      assertOpen(row);
      if (loss.reason === 'bought_elsewhere' && !loss.brand) {
        throw new ValidationError([{ field: 'brand', in: 'body', code: 'brand_required', message: 'which brand' }]);
      }
      if (loss.reason === 'other' && !loss.note) {
        throw new ValidationError([{ field: 'note', in: 'body', code: 'note_required', message: 'say why' }]);
      }
      await loseOpportunityIn(
        tx,
        { row, byId: actor.userId, at: clock.now() },
        { reason: loss.reason, brand: loss.reason === 'bought_elsewhere' ? loss.brand : null, note: loss.note },
      );
      return detail(tx, id);
    });
  }

  async function reopen(actor: UserActor, id: string, input: Reopen) {
    return db.transaction(async (tx) => {
      const row = await load(tx, id, true);
      await assertEdits(tx, actor, row);
      assertVersion(row, input.version);
      if (row.status !== 'lost') {
        throw new ConflictError(`Opportunity ${row.number} is not lost.`, [
          {
            field: 'status',
            in: 'body',
            code: 'status_change_not_allowed',
            message: 'is not lost',
            params: { from: row.status, to: 'open' },
          },
        ]);
      }
      if (row.requestId) {
        const open = await openOfRequest(tx, row.requestId);
        if (open) throw alreadyOpen(open.number);
      }
      const stage = input.stage ?? (row.stage as OpportunityStage);
      await reopenOpportunityIn(tx, { row, byId: actor.userId, at: clock.now() }, stage);
      return detail(tx, id);
    });
  }

  /** The locations a caller may list: the asked one if theirs, else all of theirs. */
  function locationsOf(actor: UserActor, locationId?: string) {
    if (!SELLERS.has(actor.role)) throw new ForbiddenError('Only sales staff and managers work with the pipeline.');
    if (locationId && !hasLocation(actor, locationId)) throw new ForbiddenError('You do not work at this location.');
    return locationId ? [locationId] : actor.role === 'admin' ? null : actor.locationIds;
  }

  async function board(actor: UserActor, q: { locationId: string; ownerId?: string }): Promise<Board> {
    locationsOf(actor, q.locationId);
    const found = await boardRows(db, q);
    const now = clock.now();
    const columns = OPPORTUNITY_STAGES.filter((s) => s !== 'delivered').map((stage) => {
      const items = found.filter((r) => r.stage === stage);
      return {
        stage,
        count: Number(items[0]?.stage_count ?? 0),
        valueCents: Number(items[0]?.stage_value ?? 0),
        items: items.map((r) => presentSummary(r, now)),
      };
    });
    return { columns, pipelineValueCents: columns.reduce((sum, c) => sum + c.valueCents, 0) };
  }

  async function list(actor: UserActor, q: ListQuery): Promise<OpportunityList> {
    const locations = locationsOf(actor, q.locationId);
    const filters: SQL[] = [];
    if (locations) filters.push(sql`o.location_id = ANY(${`{${locations.join(',')}}`}::uuid[])`);
    if (q.ownerId) filters.push(sql`o.owner_id = ${q.ownerId}`);
    if (q.stage) filters.push(sql`o.stage = ${q.stage}`);
    if (q.status) filters.push(sql`o.status = ${q.status}`);
    if (q.source) filters.push(sql`o.source = ${q.source}`);
    const where = filters.length ? sql.join(filters, sql` AND `) : sql`true`;
    const found = await listRows(db, where, q);
    const now = clock.now();
    return {
      items: found.rows.map((r) => presentSummary(r, now)),
      total: found.total,
      pipelineValueCents: found.valueCents,
    };
  }

  /** A customer's open opportunities and current offer: the record and the walk-in panel (R0.7). */
  async function ofCustomer(contactId: string): Promise<CustomerOpportunities> {
    const found = await customerRows(db, contactId);
    const now = clock.now();
    return { items: found.map((r) => ({ ...presentSummary(r, now), currentOffer: presentOffer(r.current_offer) })) };
  }

  return { create, get, update, moveStage, lose, reopen, board, list, ofCustomer };
}
