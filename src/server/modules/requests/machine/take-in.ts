import type { ApiKeyActor } from '@server/http/access';
import type { RequestsContext } from '../context';
import type { createIntake, PreparedIntake } from '../intake';
import * as repo from '../repo';
import { contentOf } from '../same-content';
import { hashBody } from './body';
import { isUniqueViolation } from '@server/db/unique-violation';
import { concurrentAnswer, KeyTaken, keyRow, replay, scopeOf } from './idempotency';
import { knownLead, recordDuplicate } from './known-lead';
import type { Answer, Idempotency, MachineLead, StoredAnswer } from './types';

type Intake = ReturnType<typeof createIntake>;

/** What one call of machine intake is about: who sends, which leads, under which key. */
interface Call {
  actor: ApiKeyActor;
  scope: string;
  leads: MachineLead[];
  idempotency: Idempotency | null;
  answer: Answer;
}

/**
 * Machine intake of one call's leads (web forms, portals, ADF): resends recognised
 * by the sender's id, retries by the Idempotency-Key, both inside the one
 * transaction that takes the leads in, so concurrent duplicates cannot slip through.
 */
export function createMachineTakeIn(ctx: RequestsContext, intake: Intake) {
  const { deps } = ctx;
  const now = () => deps.clock.now();

  /** Prepares every lead that is not a resend; the map's keys are the leads' positions. */
  async function prepareLeads(
    call: Call,
    checked: { firstKnown: repo.RequestRow | undefined } | null,
  ): Promise<Map<number, PreparedIntake>> {
    for (const lead of call.leads) {
      if (!lead.input.externalId) lead.input.contentHash ??= hashBody(contentOf(call.scope, lead.input));
    }
    const prepared = new Map<number, PreparedIntake>();
    for (const [i, lead] of call.leads.entries()) {
      const known = i === 0 && checked ? checked.firstKnown : await knownLead(deps.db, lead.input, now());
      if (!known) prepared.set(i, await intake.prepare(call.actor, lead.input, lead.options));
    }
    return prepared;
  }

  /**
   * One new lead with nothing but its own writes (the web form's everyday case): its one
   * statement, carrying the key's answer too, is atomic by itself, so it goes without BEGIN and COMMIT.
   */
  async function commitAlone(call: Call, alone: PreparedIntake): Promise<StoredAnswer> {
    const { idempotency } = call;
    let result: { status: number; body: unknown } | undefined;
    await intake.commit(deps.db, alone, (row) => {
      result = call.answer({ created: [row], duplicates: [] });
      return idempotency ? [repo.intakeKeyInsert(deps.db, keyRow(call.scope, idempotency, result, row.id))] : [];
    });
    return { ...result!, replayed: false };
  }

  /** Every lead in one transaction: resends are recorded on their request, the others taken in. */
  function commitTogether(call: Call, prepared: Map<number, PreparedIntake>): Promise<StoredAnswer> {
    const { actor, leads, idempotency, answer, scope } = call;
    return deps.db.transaction(async (tx): Promise<StoredAnswer> => {
      const created: repo.RequestRow[] = [];
      const duplicates: repo.RequestRow[] = [];
      let keyStored = false;
      const at = now();
      for (const [i, lead] of leads.entries()) {
        const known = await knownLead(tx, lead.input, now());
        if (known) {
          duplicates.push(known);
          await recordDuplicate(tx, known, actor, lead.input, at);
          continue;
        }
        const ready = prepared.get(i);
        // Known before the transaction but gone now cannot happen: requests are never deleted.
        if (!ready) throw new Error(`lead ${i} was a resend a moment ago and is unknown now`);
        const last = i === leads.length - 1;
        // The last lead's statement carries the Idempotency-Key's answer too: one round trip less.
        const alsoWrite =
          idempotency && last
            ? (row: repo.RequestRow) => {
                keyStored = true;
                const result = answer({ created: [...created, row], duplicates });
                return [repo.intakeKeyInsert(tx, keyRow(scope, idempotency, result, created[0]?.id ?? row.id))];
              }
            : undefined;
        created.push((await intake.commit(tx, ready, alsoWrite)).row);
      }
      const result = answer({ created, duplicates });
      if (idempotency && !keyStored) {
        const firstId = created[0]?.id ?? duplicates[0]?.id ?? null;
        const stored = await repo.storeIntakeKey(tx, keyRow(scope, idempotency, result, firstId));
        if (!stored) throw new KeyTaken();
      }
      return { ...result, replayed: false };
    });
  }

  /**
   * Writes, answering with what a concurrent call stored when that call committed the
   * same key first. A transaction that lost a race for the same lead is run again:
   * the second time it finds the lead as a resend.
   */
  async function answeringConcurrentCalls(
    call: Call,
    write: () => Promise<StoredAnswer>,
    rerunOnUniqueViolation: boolean,
  ): Promise<StoredAnswer> {
    try {
      return await write();
    } catch (error) {
      const stored = await concurrentAnswer(deps.db, error, call.scope, call.idempotency);
      if (stored) return stored;
      if (rerunOnUniqueViolation && isUniqueViolation(error)) return write();
      throw error;
    }
  }

  return async function takeIn(
    actor: ApiKeyActor,
    leads: MachineLead[],
    idempotency: Idempotency | null,
    answer: Answer,
    /** The caller has looked the Idempotency-Key and the first lead's content up already, and found no key. */
    checked: { firstKnown: repo.RequestRow | undefined } | null = null,
  ): Promise<StoredAnswer> {
    const call: Call = { actor, scope: scopeOf(actor), leads, idempotency, answer };
    // A retry is answered before anything is prepared (preparing moves the round-robin pointer).
    const earlier =
      idempotency && !checked ? await repo.findIntakeKey(deps.db, call.scope, idempotency.key) : undefined;
    if (earlier && idempotency) return replay(earlier, idempotency.hash);

    const prepared = await prepareLeads(call, checked);
    const alone = leads.length === 1 && !leads[0]!.input.externalId && prepared.get(0);
    if (alone && !intake.needsTransaction(alone)) {
      return answeringConcurrentCalls(call, () => commitAlone(call, alone), false);
    }
    return answeringConcurrentCalls(call, () => commitTogether(call, prepared), true);
  };
}
