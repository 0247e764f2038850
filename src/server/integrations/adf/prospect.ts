import type { AdfCustomer, AdfExternalId, AdfLead, AdfVehicle } from '@shared/intake/adf.js';
import type { ReadContext } from './context.js';
import { readCustomer } from './customer.js';
import { attr, child, childText, childrenNamed, textOf, type AdfNode } from './nodes.js';
import { parseLeadDate } from './normalise/dates.js';
import { prospectStatusOf } from './normalise/enums.js';
import { vinsInText } from './normalise/values.js';
import { readProvider, readVendor } from './parties.js';
import { readVehicle } from './vehicle.js';

const DAY_MS = 86_400_000;

/**
 * Reads one <prospect>; children may come in any order. Elements the DTD requires but which are
 * absent (requestdate, vehicle, vendor …) are named as warnings while the lead stays usable;
 * a lead is unusable, and an error, when its customer has no name, no phone and no e-mail —
 * unless it is a resend carrying its id, which the intake matches to the lead on file.
 */
export function readProspect(node: AdfNode, path: string, ctx: ReadContext): AdfLead | null {
  const { findings } = ctx;
  const status = readStatus(attr(node, 'status'), path, ctx);
  const externalIds = childrenNamed(node, 'id').flatMap((id): AdfExternalId[] => {
    const value = textOf(id);
    const sequence = Number.parseInt(attr(id, 'sequence') ?? '', 10);
    return value ? [{ source: attr(id, 'source'), sequence: Number.isFinite(sequence) ? sequence : null, value }] : [];
  });
  if (status === 'resend' && externalIds.length === 0) {
    findings.warn(
      'missing',
      `${path}.id`,
      `missing: ${path}.id (a resend without an id cannot be matched to the earlier lead)`,
    );
  }

  const vehicleNodes = childrenNamed(node, 'vehicle');
  if (vehicleNodes.length === 0) findings.warn('missing', `${path}.vehicle`, `missing: ${path}.vehicle`);
  const vehicles = vehicleNodes.map((v, i) => readVehicle(v, `${path}.vehicle[${i}]`, ctx));

  const customerPath = `${path}.customer`;
  const customer = readCustomer(child(node, 'customer'), customerPath, ctx);
  takeVinFromCustomerComments(customer, vehicles, customerPath, ctx);

  const vendorNode = child(node, 'vendor');
  if (!vendorNode) findings.warn('missing', `${path}.vendor`, `missing: ${path}.vendor (the dealer the lead is for)`);

  // The ADF spec lets a resend carry no more than the prospect's id: the lead it repeats has the rest.
  const idOnlyResend = status === 'resend' && externalIds.length > 0;
  if (!isReachable(customer, customerPath, ctx, idOnlyResend)) return null;
  return {
    status,
    externalIds,
    requestDate: readRequestDate(childText(node, 'requestdate'), `${path}.requestdate`, ctx),
    vehicles,
    customer,
    vendor: readVendor(vendorNode),
    provider: readProvider(child(node, 'provider')),
  };
}

function readStatus(raw: string | null, path: string, ctx: ReadContext): AdfLead['status'] {
  if (!raw) return 'new';
  const status = prospectStatusOf(raw);
  if (!status) ctx.findings.unusable(`${path}@status`, 'prospect status', raw, "taken as 'new'");
  return status ?? 'new';
}

/** Unparseable, impossible, or more than a day ahead of now: named, and left out. */
function readRequestDate(raw: string | null, path: string, ctx: ReadContext): string | null {
  if (!raw) {
    ctx.findings.warn('missing', path, `missing: ${path}`);
    return null;
  }
  const parsed = parseLeadDate(raw);
  if (!parsed) {
    ctx.findings.unusable(path, 'date', raw);
    return null;
  }
  if (parsed.date.getTime() > ctx.now.getTime() + DAY_MS) {
    ctx.findings.unusable(path, 'date', raw, 'it lies in the future');
    return null;
  }
  return parsed.date.toISOString();
}

/**
 * A VIN mentioned only in the customer's comments belongs to the one vehicle without a VIN;
 * with several such vehicles it is not guessed.
 */
function takeVinFromCustomerComments(customer: AdfCustomer, vehicles: AdfVehicle[], path: string, ctx: ReadContext) {
  if (!customer.comments) return;
  const known = new Set(vehicles.map((v) => v.vin));
  const vins = vinsInText(customer.comments).filter((v) => !known.has(v));
  const without = vehicles.filter((v) => !v.vin);
  if (vins.length !== 1 || without.length !== 1) return;
  without[0]!.vin = vins[0]!;
  const index = vehicles.indexOf(without[0]!);
  ctx.findings.warn(
    'inferred',
    `${path.replace(/\.customer$/, '')}.vehicle[${index}].vin`,
    `inferred: VIN '${vins[0]}' taken from ${path}.comments (there was no usable <vin>)`,
  );
}

function isReachable(customer: AdfCustomer, path: string, ctx: ReadContext, idOnlyResend: boolean): boolean {
  const named = Boolean(customer.fullName || customer.companyName || customer.lastName || customer.firstName);
  const reachable = customer.emails.length > 0 || customer.phones.length > 0;
  if (!named && !reachable && idOnlyResend) {
    ctx.findings.warn('missing', path, `missing: ${path} (a resend by id only: the earlier lead's customer counts)`);
    return true;
  }
  if (!named && !reachable) {
    ctx.findings.error(
      'missing',
      path,
      `missing: ${path} has no name, no phone number and no e-mail address, so the lead cannot be followed up`,
    );
    return false;
  }
  if (!reachable) {
    ctx.findings.warn(
      'missing',
      `${path}.contact`,
      'missing: customer contact has neither a phone number nor an e-mail address',
    );
  }
  return true;
}
