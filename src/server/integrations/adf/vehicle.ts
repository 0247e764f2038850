import type { AdfVehicle } from '@shared/intake/adf.js';
import type { ReadContext } from './context.js';
import { attr, child, childText, multilineText, textOf, type AdfNode } from './nodes.js';
import { interestOf, vehicleStatusOf } from './normalise/enums.js';
import { currencyInText, normaliseVin, parseAmount, parseYear, vinsInText } from './normalise/values.js';

const KM_PER_MILE = 1.609344;

/**
 * Reads one <vehicle>. Tolerance:
 * - interest and status in any case, English or German synonyms ("Buy", "Probefahrt", "NEW",
 *   "gebraucht"); interest defaults to "buy" as in the DTD; an unknown value is named and
 *   interest falls back to "buy", status to null (not stated);
 * - prices and mileages in German or English number format, with or without unit or symbol;
 *   a price without currency is taken as EUR; odometer units="mi" is converted to km;
 * - a VIN with blanks or hyphens is compacted; one that is not 17 valid characters is named;
 * - without a usable <vin>, a VIN in the vehicle's comments is taken, and noted.
 */
export function readVehicle(node: AdfNode, path: string, ctx: ReadContext): AdfVehicle {
  const { findings } = ctx;
  const comments = multilineText(child(node, 'comments'));
  const vehicle: AdfVehicle = {
    interest: readInterest(attr(node, 'interest'), path, ctx),
    status: readStatus(attr(node, 'status'), path, ctx),
    year: readYear(childText(node, 'year'), `${path}.year`, ctx),
    make: childText(node, 'make'),
    model: childText(node, 'model'),
    trim: childText(node, 'trim'),
    vin: readVin(childText(node, 'vin'), `${path}.vin`, ctx),
    stock: childText(node, 'stock'),
    ...readPrice(child(node, 'price'), `${path}.price`, ctx),
    odometerKm: readOdometer(child(node, 'odometer'), `${path}.odometer`, ctx),
    comments,
  };
  if (!vehicle.vin && comments) {
    const [vin] = vinsInText(comments);
    if (vin) {
      vehicle.vin = vin;
      findings.warn(
        'inferred',
        `${path}.vin`,
        `inferred: VIN '${vin}' taken from ${path}.comments (there was no usable <vin>)`,
      );
    }
  }
  if (!vehicle.make && !vehicle.model && !vehicle.vin && !vehicle.stock) {
    findings.warn('missing', path, `missing: ${path} names no make, model, VIN or stock number`);
  }
  return vehicle;
}

function readInterest(raw: string | null, path: string, ctx: ReadContext): AdfVehicle['interest'] {
  if (!raw) return 'buy';
  const value = interestOf(raw);
  if (!value) ctx.findings.unusable(`${path}@interest`, 'interest', raw, "taken as 'buy'");
  return value ?? 'buy';
}

function readStatus(raw: string | null, path: string, ctx: ReadContext): AdfVehicle['status'] {
  if (!raw) return null;
  const value = vehicleStatusOf(raw);
  if (!value) ctx.findings.unusable(`${path}@status`, 'vehicle status', raw, 'expected new or used');
  return value;
}

function readYear(raw: string | null, path: string, ctx: ReadContext): number | null {
  if (!raw) return null;
  const year = parseYear(raw, ctx.now);
  if (year === null) ctx.findings.unusable(path, 'year', raw);
  return year;
}

function readVin(raw: string | null, path: string, ctx: ReadContext): string | null {
  if (!raw) return null;
  const vin = normaliseVin(raw);
  if (!vin) ctx.findings.unusable(path, 'VIN', raw, 'a VIN has 17 characters: digits and capitals except I, O and Q');
  return vin;
}

function readPrice(node: AdfNode | null, path: string, ctx: ReadContext): Pick<AdfVehicle, 'price' | 'currency'> {
  const raw = textOf(node);
  if (!raw) return { price: null, currency: null };
  const price = parseAmount(raw);
  if (price === null) {
    ctx.findings.unusable(path, 'price', raw);
    return { price: null, currency: null };
  }
  const currency = attr(node, 'currency')?.toUpperCase() ?? currencyInText(raw) ?? 'EUR';
  return { price, currency };
}

function readOdometer(node: AdfNode | null, path: string, ctx: ReadContext): number | null {
  const raw = textOf(node);
  if (!raw) return null;
  const value = parseAmount(raw);
  if (value === null || value < 0) {
    ctx.findings.unusable(path, 'odometer reading', raw);
    return null;
  }
  const units = (attr(node, 'units') ?? (/\bmi(les)?\b/i.test(raw) ? 'mi' : 'km')).toLowerCase();
  if (/^(mi|miles?|meilen)$/.test(units)) return Math.round(value * KM_PER_MILE);
  if (!/^(km|kilometer|kilometres?|kilometers)$/.test(units)) {
    ctx.findings.unusable(`${path}@units`, 'odometer units', units, 'reading taken as km');
  }
  return Math.round(value);
}
