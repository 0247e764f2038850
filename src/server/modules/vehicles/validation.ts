import type { z } from 'zod';
import { EARLIEST_YEAR, LATEST_YEAR } from '@shared/common';
import { type CodedFieldError, fieldError } from '@shared/errors/codes';
import { formatPlate, normalizePlate, normalizeVin, vinProblem } from '@shared/vehicles/normalize';
import type { VehicleInput, VehicleUpdate } from '@shared/vehicles/schemas';
import type { FieldError } from '@server/http/errors';
import type { VehicleRow } from './repo';

export type VehicleFieldsInput = Omit<z.output<typeof VehicleInput>, 'contacts'>;
export type VehicleFieldsUpdate = Omit<z.output<typeof VehicleUpdate>, 'version'>;

/** The columns a vehicle's own fields map to (links and bookkeeping columns excluded). */
export type VehicleValues = Omit<VehicleRow, 'id' | 'externalRef' | 'version' | 'createdAt' | 'updatedAt' | 'kmPerDay'>;

/** Today's calendar date where the dealers are; dates without time are compared against it. */
export function berlinToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(now);
}

const bodyError = (field: string, coded: CodedFieldError, message: string): FieldError => ({
  field,
  in: 'body',
  ...coded,
  message,
});

/** VIN and plate as stored: normalised VIN, plate in its written form plus the search key. */
function identity(vin: string | null | undefined, plate: string | null | undefined, errors: FieldError[]) {
  const out: Partial<Pick<VehicleValues, 'vin' | 'plate' | 'plateNormalized'>> = {};
  if (vin !== undefined) {
    if (vin === null || vin === '') out.vin = null;
    else {
      const problem = vinProblem(vin);
      if (problem) errors.push(bodyError('vin', { code: 'invalid_vin' }, problem));
      else out.vin = normalizeVin(vin);
    }
  }
  if (plate !== undefined) {
    if (plate === null || plate === '') {
      out.plate = null;
      out.plateNormalized = null;
    } else {
      const formatted = formatPlate(plate);
      if (!formatted) errors.push(bodyError('plate', { code: 'invalid_plate' }, 'is not a German licence plate'));
      else {
        out.plate = formatted;
        out.plateNormalized = normalizePlate(formatted);
      }
    }
  }
  return out;
}

/** Rules across fields, checked on the vehicle as it would be after the write. */
function crossFieldErrors(v: VehicleValues, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (v.serviceContractUntil && !v.serviceContract) {
    errors.push(
      bodyError('serviceContractUntil', { code: 'service_contract_required' }, 'only allowed with a service contract'),
    );
  }
  if (v.financingType === 'none') {
    if (v.financingBank)
      errors.push(bodyError('financingBank', { code: 'financing_required' }, 'only allowed with financing or leasing'));
    if (v.financingEnd)
      errors.push(bodyError('financingEnd', { code: 'financing_required' }, 'only allowed with financing or leasing'));
  }
  if (v.mileageDate && v.mileageDate > today)
    errors.push(bodyError('mileageDate', { code: 'in_future' }, 'must not be in the future'));
  if (v.mileageDate && v.mileageKm === null)
    errors.push(bodyError('mileageKm', { code: 'required' }, 'is required with a mileage date'));
  if (v.firstRegistration && v.firstRegistration < '1900-01-01') {
    errors.push(
      bodyError(
        'firstRegistration',
        fieldError('year_range', { from: EARLIEST_YEAR, to: LATEST_YEAR }),
        'must not be before 1900',
      ),
    );
  }
  if (v.warrantyEnd && v.firstRegistration && v.warrantyEnd < v.firstRegistration) {
    errors.push(
      bodyError('warrantyEnd', { code: 'before_first_registration' }, 'must not be before the first registration'),
    );
  }
  return errors;
}

/** A vehicle with nothing filled in: the base that validated input is laid over. */
export const EMPTY_VEHICLE: VehicleValues = {
  vin: null,
  plate: null,
  plateNormalized: null,
  make: '',
  model: '',
  variant: null,
  fuel: null,
  firstRegistration: null,
  mileageKm: null,
  mileageDate: null,
  deliveryDate: null,
  warrantyEnd: null,
  serviceContract: false,
  serviceContractUntil: null,
  financingType: 'none',
  financingBank: null,
  financingEnd: null,
  financingContractNumber: null,
  financingResidualCents: null,
  locationId: null,
  notes: null,
};

/**
 * Validates a new vehicle or a change and returns the columns to write.
 * Turning off the service contract or the financing clears the fields that
 * only make sense with it, unless the same change sets them (then it is refused).
 */
export function vehicleValues(
  input: VehicleFieldsInput | VehicleFieldsUpdate,
  current: VehicleValues | null,
  today: string,
): { values: Partial<VehicleValues>; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const { vin, plate, ...rest } = input;
  const changes: Partial<VehicleValues> = {};
  for (const [key, value] of Object.entries(rest)) {
    if (value !== undefined) (changes as Record<string, unknown>)[key] = value;
  }
  Object.assign(changes, identity(vin, plate, errors));
  if (current) {
    if (changes.serviceContract === false && input.serviceContractUntil === undefined)
      changes.serviceContractUntil = null;
    if (changes.financingType === 'none') {
      if (input.financingBank === undefined) changes.financingBank = null;
      if (input.financingEnd === undefined) changes.financingEnd = null;
      // The bank's contract number and residual amount only come with a contract.
      changes.financingContractNumber = null;
      changes.financingResidualCents = null;
    }
  }
  const merged = { ...(current ?? EMPTY_VEHICLE), ...changes };
  errors.push(...crossFieldErrors(merged, today));
  return { values: changes, errors };
}

/** The fields whose value differs after the change, for the timeline. */
export function changedFields(current: VehicleValues, values: Partial<VehicleValues>): Array<keyof VehicleValues> {
  return (Object.keys(values) as Array<keyof VehicleValues>).filter(
    (key) => key !== 'plateNormalized' && values[key] !== current[key],
  );
}
