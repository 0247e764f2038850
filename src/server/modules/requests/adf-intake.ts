import type { CountryCode } from 'libphonenumber-js/max';
import { inSaneYears } from '@shared/common';
import type { PhoneKind } from '@shared/contacts/enums';
import { parsePhone } from '@shared/contacts/normalize';
import type { FieldErrorCode } from '@shared/errors/codes';
import type { AdfLead, AdfPhone, AdfProblem } from '@shared/intake/adf';
import { IntakeBody, type NewCustomer } from '@shared/requests/schemas';
import type { SubmittedCustomer } from '@shared/requests/submitted';
import type { InputRepair } from '@shared/text/repairs';
import type { ApiKeyActor } from '@server/http/access';
import { DomainError } from '@server/http/errors';
import { decodeXml, extractAdfFromEmail, parseAdf } from '@server/integrations/adf';
import { fitToSchema } from '@server/lib/input/fit';
import { makeStorable } from '@server/lib/input/storable';
import { fromLocal } from '@server/lib/zoned-time';
import type { RequestsContext } from './context';
import type { IntakeInput } from './intake';
import { customerRegion } from './intake-customer';
import type { createMachineIntake, MachineLead, StoredAnswer } from './machine';
import { findByExternal } from './repo';

/** The reader's problem codes as field-error codes (src/shared/errors/codes.ts). */
const FIELD_CODES: Record<AdfProblem['code'], FieldErrorCode> = {
  not_xml: 'not_xml',
  malformed: 'malformed_xml',
  not_adf: 'not_adf',
  missing: 'missing',
  unusable: 'invalid',
  normalised: 'invalid',
  inferred: 'invalid',
  ignored: 'invalid',
};

type Rejection = { path: string; message: string } & (
  { code: AdfProblem['code']; fieldCode?: never } | { code?: never; fieldCode: FieldErrorCode }
);

/** An ADF document that cannot be taken in: each problem named by its path; nothing is stored. */
export class AdfRejectedError extends DomainError {
  constructor(problems: Rejection[]) {
    super(
      422,
      'invalid-adf',
      `The ADF lead cannot be taken in: ${problems.map((p) => p.message).join('; ')}`,
      problems.map((p) => ({
        field: p.path,
        in: 'body',
        message: p.message,
        code: p.code ? FIELD_CODES[p.code] : p.fieldCode,
      })),
    );
  }
}

const INTEREST_LABEL: Record<string, string> = {
  buy: 'Kaufinteresse',
  lease: 'Leasinganfrage',
  sell: 'Verkaufsangebot',
  'trade-in': 'Inzahlungnahme',
  'test-drive': 'Probefahrt',
};

const compact = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));

/** ADF's phone kinds as the contacts know them; "other" says nothing, so the number decides. */
const PHONE_KIND: Record<AdfPhone['kind'], PhoneKind | null> = {
  mobile: 'mobile',
  landline: 'landline',
  fax: 'fax',
  other: null,
};

/** A contact holds ten numbers and ten e-mail addresses; the request keeps all the lead sent. */
const MAX_PER_CONTACT = 10;

/** The lead's customer for intake: its phones and e-mails, the address with its country. */
function customerOf(lead: AdfLead): NewCustomer {
  const c = lead.customer;
  const phones = [...c.phones]
    .sort((a, b) => Number(a.kind === 'fax') - Number(b.kind === 'fax'))
    .slice(0, MAX_PER_CONTACT);
  const [first, ...more] = phones;
  return {
    salutation: 'none',
    firstName: c.firstName,
    lastName: c.lastName ?? (c.kind === 'person' ? c.fullName : null),
    companyName: c.companyName,
    phone: first && first.kind !== 'fax' ? first.number : null,
    phones: (first && first.kind === 'fax' ? phones : more).map((p) => ({
      number: p.number,
      kind: PHONE_KIND[p.kind],
    })),
    email: c.emails[0] ?? null,
    emails: c.emails.slice(1, MAX_PER_CONTACT),
    street: c.address?.street ?? null,
    postalCode: c.address?.postalCode ?? null,
    city: c.address?.city ?? null,
    country: c.address?.country ?? null,
  };
}

/** What the lead said about its customer, as the portal wrote it (the full name too). */
function submittedOf(lead: AdfLead, region: CountryCode): SubmittedCustomer {
  const c = lead.customer;
  return {
    salutation: null,
    firstName: c.firstName,
    lastName: c.lastName,
    fullName: c.fullName,
    companyName: c.companyName,
    phones: c.phones.map((p) => ({ number: p.number, kind: p.kind, e164: parsePhone(p.number, region).e164 })),
    emails: c.emails,
    address: c.address,
  };
}

function subjectOf(lead: AdfLead): string {
  const v = lead.vehicles[0];
  if (!v) return 'Verkaufsanfrage';
  const car = [v.year, v.make, v.model, v.trim].filter(Boolean).join(' ');
  const state = v.status === 'used' ? ' (gebraucht)' : v.status === 'new' ? ' (neu)' : '';
  return `${INTEREST_LABEL[v.interest] ?? 'Anfrage'}: ${car || 'Fahrzeug'}${state}`.slice(0, 200);
}

/**
 * The customer's wish as a window: from the earliest day's start to the latest day's end (Berlin).
 * A day outside the sane years is left out and noted.
 */
function callbackWindow(lead: AdfLead, path: string, repairs: InputRepair[]): { from: Date | null; to: Date | null } {
  const t = lead.customer.timeframe;
  const at = (date: string | null, minute: number, field: 'earliest' | 'latest') => {
    if (!date) return null;
    if (!inSaneYears(date)) {
      repairs.push({
        code: 'date_dropped',
        path: `${path}.customer.timeframe.${field}`,
        message: `date "${date}" is not a plausible wish: left out`,
      });
      return null;
    }
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    return fromLocal(y, m, d, minute, 'Europe/Berlin');
  };
  const from = at(t?.earliest ?? null, 0, 'earliest');
  const to = at(t?.latest ?? null, 24 * 60 - 1, 'latest');
  return from && to && from >= to ? { from, to: null } : { from, to };
}

/** An XML document starts with "<" (after a byte-order mark and blanks); an HTML mail body does not count. */
function looksLikeXml(raw: Buffer): boolean {
  const head = raw
    .subarray(0, 200)
    .toString('latin1')
    .replace(/^(\xEF\xBB\xBF|\xFF\xFE|\xFE\xFF)/, '');
  const start = head.replace(/\0/g, '').trimStart();
  return start.startsWith('<') && !/^<html/i.test(start);
}

/** A lead without a name, phone or e-mail: only a resend by id gets this far (see readProspect). */
const hasNoCustomer = (lead: AdfLead) => {
  const c = lead.customer;
  return !(c.fullName || c.companyName || c.lastName || c.firstName || c.emails.length || c.phones.length);
};

/** Whose id it is: the id's source, else the portal or dealer that sent it. */
function externalSourceOf(lead: AdfLead, external: AdfLead['externalIds'][number]): string {
  const sender = lead.provider?.id ?? lead.provider?.name ?? lead.vendor?.id ?? lead.vendor?.name ?? null;
  return `adf:${external.source ?? sender ?? 'unknown'}`;
}

/** The text of a lead that is stored, fitted to the same maxima as the JSON intake's. */
const LeadText = IntakeBody.pick({
  source: true,
  campaign: true,
  subject: true,
  message: true,
  externalId: true,
  customer: true,
}).extend({ externalSource: IntakeBody.shape.source });

/** ADF/XML leads from portals, raw or inside an e-mail (R0.6, the intake half). */
export function createAdfIntake(ctx: RequestsContext, machine: ReturnType<typeof createMachineIntake>) {
  const { deps, vehicles, org } = ctx;

  async function locationFor(lead: AdfLead, query: { locationId?: string; locationCode?: string }): Promise<string> {
    if (query.locationId || query.locationCode) return machine.resolveLocation(query.locationId, query.locationCode);
    const locations = await org.listLocations();
    const byVendor = locations.find(
      (l) =>
        (lead.vendor?.id && l.code === lead.vendor.id.toUpperCase()) ||
        (lead.vendor?.name && l.name.toLowerCase() === lead.vendor.name.toLowerCase()),
    );
    if (byVendor) return byVendor.id;
    if (locations.length === 1) return locations[0]!.id;
    throw new AdfRejectedError([
      {
        path: 'locationCode',
        fieldCode: 'location_not_named',
        message: 'give locationCode in the query: the vendor does not name one of our locations',
      },
    ]);
  }

  async function leadToInput(
    lead: AdfLead,
    index: number,
    query: { locationId?: string; locationCode?: string },
  ): Promise<MachineLead> {
    if (hasNoCustomer(lead)) return resendOnFile(lead, index);
    // What the database cannot store is mended first, field by field, and noted for the answer and the request.
    const path = `prospect[${index}]`;
    const repairs = makeStorable(lead, path).repairs;
    const vehicle = lead.vehicles[0] ?? null;
    const vehicleId = vehicle?.vin ? ((await vehicles.findByVin(vehicle.vin))?.id ?? null) : null;
    const external = lead.externalIds[0] ?? null;
    const window = callbackWindow(lead, path, repairs);
    const customer = customerOf(lead);
    const text = {
      source: lead.provider?.name ?? lead.vendor?.name ?? external?.source ?? 'ADF',
      // The portal's service ("Händleranfrage", "Finanzierungsanfrage"): the campaign the reports count by.
      campaign: lead.provider?.service ?? null,
      subject: subjectOf(lead),
      message: [lead.customer.comments, vehicle?.comments].filter(Boolean).join('\n\n') || null,
      customer,
      externalSource: external ? externalSourceOf(lead, external) : null,
      externalId: external?.value ?? null,
    };
    repairs.push(...fitToSchema(LeadText, text, path));
    const input: IntakeInput = {
      type: 'sales_lead',
      channel: 'lead_portal',
      locationId: await locationFor(lead, query),
      ...text,
      vehicleId,
      vehicleInterest: vehicle ? compact({ ...vehicle, comments: undefined }) : null,
      callbackFrom: window.from,
      callbackTo: window.to,
      // What the portal wrote, before any cut: the request keeps the customer's words.
      submittedCustomer: submittedOf(lead, customerRegion(customer.country)),
      repairs,
    };
    return { input, options: { fieldPrefix: `${path}.`, lenientPhones: true } } satisfies MachineLead;
  }

  /**
   * A resend by id only (the ADF spec allows it): the lead on file under that id answers it,
   * and nothing is prepared; an id nobody sent before leaves nothing to take in.
   */
  async function resendOnFile(lead: AdfLead, index: number): Promise<MachineLead> {
    for (const external of lead.externalIds) {
      const known = await findByExternal(deps.db, externalSourceOf(lead, external), external.value);
      if (known) {
        const input: IntakeInput = {
          type: known.type,
          channel: known.channel,
          locationId: known.locationId,
          subject: known.subject,
          externalSource: known.externalSource,
          externalId: known.externalId,
        };
        return { input };
      }
    }
    const ids = lead.externalIds.map((e) => `'${e.value}'`).join(', ');
    throw new AdfRejectedError([
      {
        path: `prospect[${index}].customer`,
        code: 'missing',
        message: `missing: prospect[${index}].customer, and the resend's id ${ids} names no lead on file`,
      },
    ]);
  }

  async function takeInAdf(
    actor: ApiKeyActor,
    body: { raw: Buffer; charset: string | null },
    query: { locationId?: string; locationCode?: string },
    idempotencyKey: string | null,
    rawHash: string,
  ): Promise<StoredAnswer> {
    const xml = looksLikeXml(body.raw) ? decodeXml(body.raw, body.charset) : extractAdfFromEmail(body.raw);
    if (!xml)
      throw new AdfRejectedError([
        { path: 'document', code: 'not_adf', message: 'no ADF document found in the message' },
      ]);
    const parsed = parseAdf(xml, { now: deps.clock.now() });
    if (!parsed.ok) throw new AdfRejectedError(parsed.errors);
    if (parsed.leads.length === 0)
      throw new AdfRejectedError([{ path: 'prospect', code: 'missing', message: 'missing: prospect' }]);
    const leads = await Promise.all(parsed.leads.map((lead, i) => leadToInput(lead, i, query)));
    return machine.takeIn(
      actor,
      leads,
      idempotencyKey ? { key: idempotencyKey, hash: rawHash } : null,
      ({ created, duplicates }) => ({
        status: created.length > 0 ? 201 : 200,
        body: {
          created: created.map(machine.refOf),
          duplicates: duplicates.map(machine.refOf),
          warnings: [...parsed.warnings, ...leads.flatMap((lead) => lead.input.repairs ?? [])],
        },
      }),
    );
  }

  return { takeInAdf };
}
