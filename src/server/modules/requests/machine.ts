import { isUniqueViolation } from '@server/db/unique-violation';
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { Location } from '../../../shared/org/schemas';
import type { AttachmentUpload } from '../../../shared/requests/attachments';
import type { IntakeBody, RequestRef } from '../../../shared/requests/schemas';
import type { InputRepair } from '../../../shared/text/repairs';
import type { ApiKeyActor } from '../../http/access';
import { ConflictError, ValidationError } from '../../http/errors';
import type { DbOrTx } from '../../db/client';
import type { IncomingFile } from './attachments';
import type { RequestsContext } from './context';
import type { createIntake, IntakeInput, IntakeOptions, PreparedIntake } from './intake';
import { DEFAULT_SUBJECT } from './labels';
import * as repo from './repo';
import { contentOf, sameContentSince } from './same-content';

export interface MachineLead {
  input: IntakeInput;
  options?: IntakeOptions;
}

export interface StoredAnswer {
  status: number;
  body: unknown;
  /** True when this is the stored answer to an earlier call with the same Idempotency-Key. */
  replayed: boolean;
}

type Ref = z.infer<typeof RequestRef>;
const refOf = (r: repo.RequestRow): Ref => ({ id: r.id, number: r.number, subject: r.subject, status: r.status });

/** A stable hash of a request body: same content, same hash, whatever the key order. */
export function hashBody(body: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v as Record<string, unknown>)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, val]) => [k, canonical(val)]),
          )
        : v;
  return createHash('sha256')
    .update(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(canonical(body)))
    .digest('hex');
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** A base64 file of the JSON API; what is not base64 is refused naming the file, not silently garbled. */
function decodeAttachment(file: z.output<typeof AttachmentUpload>, field: string): IncomingFile {
  const text = file.contentBase64.replace(/\s+/g, '');
  if (!BASE64.test(text) || text.length % 4 === 1) {
    throw new ValidationError([
      { field: `${field}.contentBase64`, in: 'body', message: `"${file.fileName}" is not valid base64` },
    ]);
  }
  return { fileName: file.fileName, contentType: file.contentType, content: Buffer.from(text, 'base64'), field };
}

/** Idempotency-Keys are per API key: two senders may use the same key for different leads. */
const scopeOf = (actor: ApiKeyActor) => `api-key:${actor.apiKeyId}`;

/** Rolls the intake back: its Idempotency-Key was stored by a concurrent call meanwhile. */
class KeyTaken extends Error {
  constructor() {
    super('Idempotency-Key taken by a concurrent call');
  }
}

/**
 * Machine intake (web forms, portals, ADF): resends recognised by the
 * sender's id, retries by the Idempotency-Key, both inside the one
 * transaction that takes the leads in, so concurrent duplicates cannot slip through.
 */
export function createMachineIntake(ctx: RequestsContext, intake: ReturnType<typeof createIntake>) {
  const { deps, org } = ctx;

  async function resolveLocation(locationId: string | undefined, locationCode: string | undefined): Promise<string> {
    if (locationId) return locationId;
    return (await findLocation(locationCode)).id;
  }

  async function findLocation(locationCode: string | undefined, version?: number | null): Promise<Location> {
    if (!locationCode) {
      throw new ValidationError([{ field: 'locationCode', in: 'body', message: 'give locationCode or locationId' }]);
    }
    const code = locationCode.toUpperCase();
    const found =
      version === undefined
        ? await org.findLocationByCode(code)
        : ([...(await org.locationsAt(version)).values()].find((l) => l.code === code) ?? null);
    if (!found) throw new ValidationError([{ field: 'locationCode', in: 'body', message: 'unknown location code' }]);
    return found;
  }

  /** The stored answer to an earlier call with this key: replayed, or 409 when the body differs. */
  function replay(existing: repo.IntakeKeyRow, hash: string): StoredAnswer {
    if (existing.requestHash !== hash) {
      throw new ConflictError('Idempotency-Key reused with a different request', [
        { field: 'Idempotency-Key', in: 'headers', message: 'was used before for a different request body' },
      ]);
    }
    return { status: existing.responseStatus, body: existing.responseBody, replayed: true };
  }

  /**
   * The request a lead was taken in as before: by the sender's id for it, or — for a lead
   * without one — by the same content within SAME_CONTENT_WINDOW_MS.
   */
  async function knownLead(db: DbOrTx, input: IntakeInput): Promise<repo.RequestRow | undefined> {
    const { externalSource, externalId, contentHash } = input;
    if (externalSource && externalId) return repo.findByExternal(db, externalSource, externalId);
    if (contentHash) return repo.findSameContent(db, contentHash, sameContentSince(deps.clock.now()));
    return undefined;
  }

  async function takeIn(
    actor: ApiKeyActor,
    leads: MachineLead[],
    idempotency: { key: string; hash: string } | null,
    answer: (outcome: { created: repo.RequestRow[]; duplicates: repo.RequestRow[] }) => {
      status: number;
      body: unknown;
    },
    /** The caller has looked the Idempotency-Key and the first lead's content up already, and found no key. */
    checked: { firstKnown: repo.RequestRow | undefined } | null = null,
  ): Promise<StoredAnswer> {
    const scope = scopeOf(actor);
    // A retry is answered before anything is prepared (preparing moves the round-robin pointer).
    const earlier = idempotency && !checked ? await repo.findIntakeKey(deps.db, scope, idempotency.key) : undefined;
    if (earlier && idempotency) return replay(earlier, idempotency.hash);

    for (const lead of leads) {
      if (!lead.input.externalId) lead.input.contentHash ??= hashBody(contentOf(scope, lead.input));
    }
    const prepared = new Map<number, PreparedIntake>();
    for (const [i, lead] of leads.entries()) {
      const known = i === 0 && checked ? checked.firstKnown : await knownLead(deps.db, lead.input);
      if (!known) prepared.set(i, await intake.prepare(actor, lead.input, lead.options));
    }

    const keyRow = (result: { status: number; body: unknown }, requestId: string | null) => ({
      scope,
      key: idempotency!.key,
      requestHash: idempotency!.hash,
      ...result,
      requestId,
    });

    // One new lead with nothing but its own writes (the web form's everyday case): its one
    // statement is atomic by itself, so it goes without BEGIN and COMMIT.
    const alone = leads.length === 1 && !leads[0]!.input.externalId && prepared.get(0);
    if (alone && !intake.needsTransaction(alone)) {
      const single = async (): Promise<StoredAnswer> => {
        let result: { status: number; body: unknown } | undefined;
        await intake.commit(deps.db, alone, (row) => {
          result = answer({ created: [row], duplicates: [] });
          return idempotency ? [repo.intakeKeyInsert(deps.db, keyRow(result, row.id))] : [];
        });
        return { ...result!, replayed: false };
      };
      try {
        return await single();
      } catch (error) {
        // A concurrent call with the same key committed first: answer with what it stored.
        if (isUniqueViolation(error) && idempotency) {
          const existing = await repo.findIntakeKey(deps.db, scope, idempotency.key);
          if (existing) return replay(existing, idempotency.hash);
        }
        throw error;
      }
    }

    const attempt = () =>
      deps.db.transaction(async (tx): Promise<StoredAnswer> => {
        const created: repo.RequestRow[] = [];
        const duplicates: repo.RequestRow[] = [];
        let keyStored = false;
        const now = deps.clock.now();
        for (const [i, lead] of leads.entries()) {
          const { externalId } = lead.input;
          const known = await knownLead(tx, lead.input);
          if (known) {
            duplicates.push(known);
            await repo.insertEvents(tx, [
              {
                requestId: known.id,
                at: now,
                actorId: null,
                kind: 'duplicate_received',
                data: { apiKeyId: actor.apiKeyId, externalId, sameContent: !externalId },
              },
            ]);
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
                  return [repo.intakeKeyInsert(tx, keyRow(result, created[0]?.id ?? row.id))];
                }
              : undefined;
          created.push((await intake.commit(tx, ready, alsoWrite)).row);
        }
        const result = answer({ created, duplicates });
        if (idempotency && !keyStored) {
          const stored = await repo.storeIntakeKey(tx, keyRow(result, created[0]?.id ?? duplicates[0]?.id ?? null));
          if (!stored) throw new KeyTaken();
        }
        return { ...result, replayed: false };
      });

    try {
      return await attempt();
    } catch (error) {
      // A concurrent call with the same key committed first: answer with what it stored.
      if ((error instanceof KeyTaken || isUniqueViolation(error)) && idempotency) {
        const existing = await repo.findIntakeKey(deps.db, scope, idempotency.key);
        if (existing) return replay(existing, idempotency.hash);
      }
      // A concurrent call took the same lead in first: the retry finds its result.
      if (isUniqueViolation(error)) return attempt();
      throw error;
    }
  }

  /** JSON intake from web forms and portals. */
  async function takeInJson(
    actor: ApiKeyActor,
    body: z.output<typeof IntakeBody>,
    idempotencyKey: string,
    rawHash: string,
    /** What the input guard mended in the body (see http/input-guard). */
    repairs: InputRepair[] = [],
  ): Promise<StoredAnswer> {
    // The location as sent stands in for it in the content hash: it is looked up after the key.
    const locationAsSent = body.locationId ?? `code:${body.locationCode?.toUpperCase() ?? ''}`;
    let vehicleId = body.vehicleId ?? null;
    let vehicleInterest = body.vehicleInterest ?? null;
    if (!vehicleId && body.vehicle?.vin) vehicleId = (await ctx.vehicles.findByVin(body.vehicle.vin))?.id ?? null;
    if (!vehicleId && body.vehicle && !vehicleInterest) vehicleInterest = { ...body.vehicle };
    const input: IntakeInput = {
      type: body.type,
      channel: body.channel ?? 'web_form',
      source: body.source ?? actor.name,
      campaign: body.campaign,
      locationId: locationAsSent,
      brand: body.brand,
      department: body.department,
      subject: body.subject ?? DEFAULT_SUBJECT[body.type],
      message: body.message,
      vehicleId,
      vehicleInterest,
      priority: body.priority,
      callbackFrom: body.callbackFrom ? new Date(body.callbackFrom) : null,
      callbackTo: body.callbackTo ? new Date(body.callbackTo) : null,
      customer: body.customer,
      externalSource: body.externalId ? `api-key:${actor.apiKeyId}` : null,
      externalId: body.externalId ?? null,
      consents: body.consents,
      attachments: body.attachments.map((a, i) => decodeAttachment(a, `attachments.${i}`)),
      repairs,
    };
    if (!input.externalId) input.contentHash = hashBody(contentOf(scopeOf(actor), input));
    // A retry is answered at once. Otherwise the location, staff, rules and deadlines of
    // this request come from memory, valid at the reference version read with the key,
    // and the same lead delivered a moment ago is found in the same round trip.
    const {
      earlier,
      referenceVersion: version,
      sameContentId,
    } = await repo.intakeKeyAndVersion(
      deps.db,
      scopeOf(actor),
      idempotencyKey,
      input.contentHash ? { hash: input.contentHash, since: sameContentSince(deps.clock.now()) } : null,
    );
    if (earlier) return replay(earlier, rawHash);
    const location = body.locationId ? undefined : await findLocation(body.locationCode, version);
    input.locationId = body.locationId ?? location!.id;
    const known = input.externalSource && input.externalId ? await knownLead(deps.db, input) : undefined;
    const firstKnown = known ?? (sameContentId ? await repo.findRequest(deps.db, sameContentId) : undefined);
    return takeIn(
      actor,
      [{ input, options: { lenientPhones: true, location, referenceVersion: version } }],
      { key: idempotencyKey, hash: rawHash },
      ({ created, duplicates }) =>
        created[0]
          ? { status: 201, body: { request: refOf(created[0]), duplicate: false, warnings: repairs } }
          : { status: 200, body: { request: refOf(duplicates[0]!), duplicate: true, warnings: repairs } },
      { firstKnown },
    );
  }

  return { takeIn, takeInJson, resolveLocation, refOf };
}
