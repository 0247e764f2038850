import type { z } from 'zod';
import type { Location } from '@shared/org/schemas';
import type { IntakeBody } from '@shared/requests/schemas';
import type { InputRepair } from '@shared/text/repairs';
import type { ApiKeyActor } from '@server/http/access';
import { ValidationError } from '@server/http/errors';
import type { RequestsContext } from '../context';
import type { IntakeInput } from '../intake';
import { DEFAULT_SUBJECT } from '../labels';
import * as repo from '../repo';
import { contentOf, sameContentSince } from '../same-content';
import { decodeAttachment, hashBody, refOf } from './body';
import { replay, scopeOf } from './idempotency';
import { knownLead } from './known-lead';
import type { createMachineTakeIn } from './take-in';
import type { StoredAnswer } from './types';

/** The location a lead names by its code; from memory for the given reference version, if one is given. */
export function createFindLocation({ org }: Pick<RequestsContext, 'org'>) {
  return async function findLocation(locationCode: string | undefined, version?: number | null): Promise<Location> {
    if (!locationCode) {
      throw new ValidationError([
        { field: 'locationCode', in: 'body', code: 'required', message: 'give locationCode or locationId' },
      ]);
    }
    const code = locationCode.toUpperCase();
    const found =
      version === undefined
        ? await org.findLocationByCode(code)
        : ([...(await org.locationsAt(version)).values()].find((l) => l.code === code) ?? null);
    if (!found)
      throw new ValidationError([
        { field: 'locationCode', in: 'body', code: 'unknown_location', message: 'unknown location code' },
      ]);
    return found;
  };
}

/** The intake input of a JSON body: a vehicle named by VIN is looked up, otherwise kept as the interest. */
async function inputOf(
  { vehicles }: Pick<RequestsContext, 'vehicles'>,
  actor: ApiKeyActor,
  body: z.output<typeof IntakeBody>,
  repairs: InputRepair[],
): Promise<IntakeInput> {
  // The location as sent stands in for it in the content hash: it is looked up after the key.
  const locationAsSent = body.locationId ?? `code:${body.locationCode?.toUpperCase() ?? ''}`;
  let vehicleId = body.vehicleId ?? null;
  let vehicleInterest = body.vehicleInterest ?? null;
  if (!vehicleId && body.vehicle?.vin) vehicleId = (await vehicles.findByVin(body.vehicle.vin))?.id ?? null;
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
  return input;
}

/** JSON intake from web forms and portals. */
export function createJsonIntake(ctx: RequestsContext, takeIn: ReturnType<typeof createMachineTakeIn>) {
  const { deps } = ctx;
  const findLocation = createFindLocation(ctx);

  return async function takeInJson(
    actor: ApiKeyActor,
    body: z.output<typeof IntakeBody>,
    idempotencyKey: string,
    rawHash: string,
    /** What the input guard mended in the body (see http/input-guard). */
    repairs: InputRepair[] = [],
  ): Promise<StoredAnswer> {
    const input = await inputOf(ctx, actor, body, repairs);
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
    const known =
      input.externalSource && input.externalId ? await knownLead(deps.db, input, deps.clock.now()) : undefined;
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
  };
}
