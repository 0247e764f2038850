import type { LifecyclePhase } from '@shared/lifecycle/phase';
import { fieldError } from '@shared/errors/codes';
import { lifecyclePhase, monthOfOwnership, mostAdvancedPhase } from '@shared/lifecycle/phase';
import {
  AMOUNT_MAX,
  consentChannelOfAction,
  type LifecycleRuleInput,
  type LifecycleRuleView,
  type LifecycleRunResult,
  MILEAGE_INTERVAL_MIN,
  unknownLifecyclePlaceholders,
} from '@shared/lifecycle/rules';
import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '@server/db/client';
import type { Deps } from '@server/deps';
import { type UserActor } from '@server/http/access';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@server/http/errors';
import { defineJob, NoPayload } from '@server/jobs/definition';
import type { JobsService } from '@server/jobs/service';
import { berlinToday, type MergeHooks } from '@server/modules/contacts';
import { locationNames } from '@server/modules/org';
import { vehicleLifecycleSql } from '@server/modules/vehicles';
import { runLifecycle } from './engine';
import { lifecycleReport } from './report';
import * as repo from './repo';
import { createLifecycleSending, type LifecyclePorts } from './sending';

export interface PhaseView {
  phase: LifecyclePhase | null;
  month: number;
}

export interface ContactPhases extends PhaseView {
  vehicles: Array<PhaseView & { vehicleId: string }>;
}

/** The nightly run: after midnight, so "today" is the new day everywhere in Germany. */
export const NIGHTLY_SCHEDULE = 'daily at 02:30 Europe/Berlin';

export function createLifecycleService(deps: Deps, jobs: JobsService, ports: LifecyclePorts, mergeHooks: MergeHooks) {
  const { db, clock } = deps;
  const sending = createLifecycleSending(deps, jobs, ports);
  mergeHooks.register('lifecycle', (tx, sourceId, targetId) => repo.moveContact(tx, sourceId, targetId));

  /** Runs every enabled rule for the whole group in the caller's transaction. */
  async function runIn(
    tx: DbOrTx,
    now: Date,
    onStep?: (step: string, ms: number) => void,
  ): Promise<LifecycleRunResult> {
    await repo.ensureDefaultRules(tx);
    const rules = await repo.listRules(tx);
    const result = await runLifecycle(tx, rules, berlinToday(now), now, onStep);
    // The e-mails among them go out right after this run commits, not at the next quarter hour.
    if (result.pendingSend > 0) await sending.sendSoonIn(tx, now);
    return result;
  }

  const nightlyJob = jobs.register(
    defineJob({
      kind: 'lifecycle.nightly',
      payload: NoPayload,
      maxAttempts: 3,
      handler: async (_payload, ctx) => {
        const result = await runIn(ctx.tx, ctx.now);
        ctx.log.info(result, 'lifecycle rules run');
      },
    }),
  );
  jobs.every(nightlyJob, NIGHTLY_SCHEDULE);

  /** A manager works on their locations' rules; group-wide rules are the administrators'. */
  function assertMayEdit(actor: UserActor, locationId: string | null) {
    if (actor.role === 'admin') return;
    if (locationId === null) throw new ForbiddenError('Group-wide lifecycle rules are changed by administrators.');
    if (!actor.locationIds.includes(locationId)) throw new ForbiddenError('You do not work at this location.');
  }

  async function view(db: DbOrTx, rows: repo.LifecycleRuleRow[]): Promise<LifecycleRuleView[]> {
    const names = await locationNames(db, [...new Set(rows.flatMap((r) => (r.locationId ? [r.locationId] : [])))]);
    return rows.map((r) => toView(r, r.locationId ? (names.get(r.locationId) ?? null) : null));
  }

  return {
    nightlyJob,
    runIn,
    sendJob: sending.sendJob,
    /** The lifecycle e-mails due now, in the caller's transaction (the send job's work). */
    sendDueEmailsIn: sending.sendDueEmailsIn,
    waitingLetters: sending.waitingLetters,
    createPrintBatch: sending.createBatch,
    printBatchPdf: sending.batchPdf,

    /** One run at a given time in its own transaction (the demo data's first night). */
    runAt(now: Date): Promise<LifecycleRunResult> {
      return db.transaction((tx) => runIn(tx, now));
    },

    /** "Jetzt ausführen": the same run as the night's, now. */
    async runNow(actor: UserActor): Promise<LifecycleRunResult> {
      if (actor.role !== 'admin' && actor.role !== 'manager') throw new ForbiddenError();
      return db.transaction((tx) => runIn(tx, clock.now()));
    },

    /** Managers see the group-wide rules and those of their locations; administrators all. */
    async listRules(actor: UserActor): Promise<LifecycleRuleView[]> {
      await repo.ensureDefaultRules(db);
      const all = await repo.listRules(db);
      const visible =
        actor.role === 'admin' ? all : all.filter((r) => !r.locationId || actor.locationIds.includes(r.locationId));
      return view(db, visible);
    },

    async createRule(actor: UserActor, input: LifecycleRuleInput): Promise<LifecycleRuleView> {
      assertMayEdit(actor, input.locationId);
      assertAmount(input);
      assertPlaceholders(input);
      assertConsentChannel(input);
      const row = await repo.insertRule(db, input, clock.now());
      return (await view(db, [row]))[0]!;
    },

    async updateRule(
      actor: UserActor,
      id: string,
      input: LifecycleRuleInput & { version: number },
    ): Promise<LifecycleRuleView> {
      const existing = await repo.findRule(db, id);
      if (!existing) throw new NotFoundError('The lifecycle rule');
      assertMayEdit(actor, existing.locationId);
      assertMayEdit(actor, input.locationId);
      assertAmount(input);
      assertPlaceholders(input);
      assertConsentChannel(input);
      const { version, ...values } = input;
      const row = await repo.updateRule(db, id, values, version, clock.now());
      if (!row) throw new ConflictError('Someone else changed this rule in the meantime; reload it.');
      return (await view(db, [row]))[0]!;
    },

    /** The shortest interval of the mileage rules that are on (any location), for the vehicle page. */
    async mileageIntervalKm(): Promise<number | null> {
      const on = (await repo.listRules(db)).filter((r) => r.enabled && r.trigger === 'service_by_mileage');
      return on.length > 0 ? Math.min(...on.map((r) => r.amount)) : null;
    },

    async dailyCap(): Promise<number> {
      return repo.readDailyCap(db);
    },

    async setDailyCap(actor: UserActor, cap: number): Promise<number> {
      if (actor.role !== 'admin') throw new ForbiddenError('The daily cap is set by administrators.');
      await repo.writeDailyCap(db, cap, clock.now());
      return cap;
    },

    /** A customer's phase: the most advanced of the vehicles they hold, with each vehicle's. */
    async phasesOfContact(contactId: string): Promise<ContactPhases> {
      const today = berlinToday(clock.now());
      const held = await rows<{ vehicle_id: string; delivery_date: string }>(
        db,
        withParam(vehicleLifecycleSql.heldVehicles, contactId, 'uuid'),
      );
      const vehicles = held.map((v) => ({ vehicleId: v.vehicle_id, ...phaseOf(v.delivery_date, today) }));
      const phase = mostAdvancedPhase(vehicles.map((v) => v.phase));
      const month = Math.max(0, ...vehicles.filter((v) => v.phase === phase).map((v) => v.month));
      return { phase, month: phase ? month : 0, vehicles };
    },

    report(actor: UserActor, query: { from: string; to: string; months: number }) {
      return lifecycleReport(db, actor, query);
    },

    /** A vehicle's phase from its delivery date. */
    phaseOfDelivery(deliveryDate: string | null): PhaseView {
      return phaseOf(deliveryDate, berlinToday(clock.now()));
    },
  };
}

/** A read model's SQL fragment with the value bound as a parameter where the fragment takes an expression. */
function withParam(fragment: (expression: string) => string, value: string, type: string) {
  const [head, tail = ''] = fragment('\u0000').split('\u0000');
  return sql`${sql.raw(head!)}${value}::${sql.raw(type)}${sql.raw(tail)}`;
}

function phaseOf(deliveryDate: string | null, today: string): PhaseView {
  if (!deliveryDate) return { phase: null, month: 0 };
  return { phase: lifecyclePhase(deliveryDate, today), month: monthOfOwnership(deliveryDate, today) };
}

/** Kilometres for the mileage trigger, days or months for every other. */
function assertAmount({ trigger, amount }: LifecycleRuleInput): void {
  const error = (code: 'too_many' | 'too_few', limit: number, message: string) =>
    new ValidationError([
      { field: 'amount', in: 'body', code, params: code === 'too_many' ? { max: limit } : { min: limit }, message },
    ]);
  if (trigger === 'service_by_mileage') {
    if (amount < MILEAGE_INTERVAL_MIN)
      throw error('too_few', MILEAGE_INTERVAL_MIN, `must be at least ${MILEAGE_INTERVAL_MIN} km`);
  } else if (amount > AMOUNT_MAX) throw error('too_many', AMOUNT_MAX, `must be at most ${AMOUNT_MAX}`);
}

/** A placeholder the letter or e-mail cannot fill would reach the customer as written: refused, named. */
function assertPlaceholders({ subject, template }: LifecycleRuleInput): void {
  const errors = (['subject', 'template'] as const).flatMap((field) =>
    unknownLifecyclePlaceholders(field === 'subject' ? subject : template).map((placeholder) => ({
      field,
      in: 'body',
      ...fieldError('unknown_placeholder', { placeholder }),
      message: `unknown placeholder ${placeholder}`,
    })),
  );
  if (errors.length > 0) throw new ValidationError(errors);
}

/** The consent asked for must be the one for the channel the rule reaches the customer by. */
function assertConsentChannel({ action, consentChannel }: LifecycleRuleInput): void {
  const channel = consentChannelOfAction(action);
  if (consentChannel === null || consentChannel === channel) return;
  throw new ValidationError([
    {
      field: 'consentChannel',
      in: 'body',
      ...fieldError('consent_channel_mismatch', { channel }),
      message: `a ${action} rule can only require the ${channel} consent`,
    },
  ]);
}

function toView(r: repo.LifecycleRuleRow, locationName: string | null): LifecycleRuleView {
  return {
    id: r.id,
    defaultKey: r.defaultKey,
    name: r.name,
    locationId: r.locationId,
    locationName,
    make: r.make,
    trigger: r.trigger as LifecycleRuleView['trigger'],
    amount: r.amount,
    leadDays: r.leadDays,
    phase: r.phase as LifecycleRuleView['phase'],
    action: r.action as LifecycleRuleView['action'],
    assignee: r.assignee as LifecycleRuleView['assignee'],
    activityType: r.activityType as LifecycleRuleView['activityType'],
    consentChannel: r.consentChannel as LifecycleRuleView['consentChannel'],
    consentPurpose: r.consentPurpose as LifecycleRuleView['consentPurpose'],
    subject: r.subject,
    template: r.template,
    lookbackDays: r.lookbackDays,
    enabled: r.enabled,
    version: r.version,
  };
}

export type LifecycleService = ReturnType<typeof createLifecycleService>;
