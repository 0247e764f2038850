import { codeOfIssue } from '@shared/errors/codes';
import { VehicleInput } from '@shared/vehicles/schemas';
import { EMPTY_VEHICLE, type VehicleValues, vehicleValues } from '@server/modules/vehicles';
import type { RowCells } from './cells';
import { parseBoolean, parseDate, parseFinancing, parseFuel, parseInteger } from './values';

export const VEHICLE_FIELD_KEYS = [
  'vin',
  'plate',
  'make',
  'model',
  'variant',
  'fuel',
  'firstRegistration',
  'mileageKm',
  'mileageDate',
  'deliveryDate',
  'warrantyEnd',
  'serviceContract',
  'serviceContractUntil',
  'financingType',
  'financingBank',
  'financingEnd',
] as const;

export interface PreparedVehicle {
  values: VehicleValues;
  externalRef: string | null;
}

const VehicleFields = VehicleInput.omit({ contacts: true });

/**
 * The vehicle of a row, validated by the vehicle form's schema and rules
 * (VIN per ISO 3779, German plate, dates). Undefined when the row has no
 * vehicle columns; null when it has and they are wrong (reasons say why).
 */
export function prepareVehicle(
  cells: RowCells,
  ctx: { now: Date; today: string; locationId: string | null; notesField?: string; refField?: string },
): PreparedVehicle | null | undefined {
  if (!cells.has(VEHICLE_FIELD_KEYS)) return undefined;
  const before = cells.reasons.length;
  const date = (field: string) => cells.convert(field, (v) => parseDate(v, ctx.now));
  const serviceContractUntil = date('serviceContractUntil');
  const raw = {
    vin: cells.text('vin'),
    plate: cells.text('plate'),
    make: cells.text('make') ?? '',
    model: cells.text('model') ?? '',
    variant: cells.text('variant'),
    fuel: cells.convert('fuel', parseFuel),
    firstRegistration: date('firstRegistration'),
    mileageKm: cells.convert('mileageKm', parseInteger),
    mileageDate: date('mileageDate'),
    deliveryDate: date('deliveryDate'),
    warrantyEnd: date('warrantyEnd'),
    // A "service contract until" date says there is one.
    serviceContract: cells.convert('serviceContract', parseBoolean) ?? Boolean(serviceContractUntil),
    serviceContractUntil,
    financingType: cells.convert('financingType', parseFinancing) ?? 'none',
    financingBank: cells.text('financingBank'),
    financingEnd: date('financingEnd'),
    locationId: ctx.locationId,
    notes: ctx.notesField ? cells.text(ctx.notesField) : undefined,
  };
  const parsed = VehicleFields.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'vehicle');
      cells.fail(
        field,
        field === 'make' || field === 'model'
          ? { code: 'required', message: 'is required for a vehicle' }
          : { ...codeOfIssue(issue), message: issue.message },
      );
    }
    return null;
  }
  const { values, errors } = vehicleValues(parsed.data, null, ctx.today);
  for (const e of errors) cells.fail(e.field, { code: e.code ?? 'invalid', params: e.params, message: e.message });
  if (cells.reasons.length > before) return null;
  return {
    values: { ...EMPTY_VEHICLE, ...values },
    externalRef: ctx.refField ? (cells.text(ctx.refField) ?? null) : null,
  };
}
