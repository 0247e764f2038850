import type { Faker } from '@faker-js/faker';
import type { VehicleValues } from '../modules/vehicles/validation';
import { type DemoFuel, MAKES, type MakeInfo } from './customers-data';

const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
const TRANSLIT: Record<string, number> = {
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  J: 1,
  K: 2,
  L: 3,
  M: 4,
  N: 5,
  P: 7,
  R: 9,
  S: 2,
  T: 3,
  U: 4,
  V: 5,
  W: 6,
  X: 7,
  Y: 8,
  Z: 9,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
/** ISO 3779 model-year letters from 2010 on. */
const YEAR_CODES = 'ABCDEFGHJKLMNPRST';

/** A VIN with a correct check digit (position 9), the model year at position 10 and a unique serial. */
export function demoVin(f: Faker, make: MakeInfo, year: number, serial: number): string {
  const vds =
    make.wmi.startsWith('WV') || make.wmi === 'WAU' || make.wmi === 'TMB' || make.wmi === 'VSS'
      ? `ZZZ${f.string.fromCharacters(VIN_CHARS, 2)}`
      : f.string.fromCharacters(VIN_CHARS, 5);
  const plant = f.string.fromCharacters('ABCDEFGHJKLMNPRSTUVWXYZ', 1);
  const vin = `${make.wmi}${vds}0${YEAR_CODES[Math.min(Math.max(year - 2010, 0), YEAR_CODES.length - 1)]}${plant}${String(serial).padStart(6, '0')}`;
  const sum = [...vin].reduce((acc, ch, i) => acc + (/\d/.test(ch) ? Number(ch) : TRANSLIT[ch]!) * WEIGHTS[i]!, 0);
  const check = sum % 11 === 10 ? 'X' : String(sum % 11);
  return `${vin.slice(0, 8)}${check}${vin.slice(9)}`;
}

export function demoPlate(f: Faker, district: string, electric: boolean, taken: Set<string>): string {
  for (;;) {
    const letters = f.string.fromCharacters('ABCDEFGHIJKLMNOPRSTUVWXYZ', f.number.int({ min: 1, max: 2 }));
    const digits = String(f.number.int({ min: 1, max: district.length === 1 ? 9999 : 999 }));
    const plate = `${district}-${letters} ${digits}${electric && f.datatype.boolean(0.4) ? 'E' : ''}`;
    if (!taken.has(plate)) {
      taken.add(plate);
      return plate;
    }
  }
}

const pickMake = (f: Faker) => f.helpers.weightedArrayElement(MAKES.map((m) => ({ weight: m.weight, value: m })));

const addMonths = (iso: string, months: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};

/** A plausible vehicle of the dealer group's brands, registered in the location's district. */
export function demoVehicle(
  f: Faker,
  ctx: {
    district: string;
    locationId: string;
    today: string;
    serial: number;
    plates: Set<string>;
    make?: string;
    model?: string;
    plate?: string;
  },
): VehicleValues {
  const make = ctx.make ? MAKES.find((m) => m.make === ctx.make)! : pickMake(f);
  const model = ctx.model ? make.models.find((m) => m.model === ctx.model)! : f.helpers.arrayElement(make.models);
  const fuel: DemoFuel = f.helpers.arrayElement(model.fuels);
  const year = f.number.int({ min: 2013, max: Number(ctx.today.slice(0, 4)) });
  const firstRegistration = `${year}-${String(f.number.int({ min: 1, max: 12 })).padStart(2, '0')}-${String(f.number.int({ min: 1, max: 28 })).padStart(2, '0')}`;
  const registered = firstRegistration <= ctx.today ? firstRegistration : ctx.today;
  const ageYears = Math.max(0.1, (Date.parse(ctx.today) - Date.parse(registered)) / (365 * 86_400_000));
  const mileageKm = Math.round((ageYears * f.number.int({ min: 6_000, max: 24_000 })) / 100) * 100;
  const plate = ctx.plate ?? demoPlate(f, ctx.district, fuel === 'electric', ctx.plates);
  const financing = f.helpers.weightedArrayElement([
    { weight: 60, value: 'none' as const },
    { weight: 22, value: 'leasing' as const },
    { weight: 18, value: 'financing' as const },
  ]);
  const serviceContract = f.datatype.boolean(0.2);
  const boughtHere = f.datatype.boolean(0.6);
  return {
    vin: demoVin(f, make, year, ctx.serial),
    plate,
    plateNormalized: plate.replace(/[^A-Z0-9ÄÖÜ]/g, ''),
    make: make.make,
    model: model.model,
    variant: f.helpers.arrayElement(model.variants),
    fuel,
    firstRegistration: registered,
    mileageKm,
    mileageDate: ctx.today,
    deliveryDate: boughtHere ? registered : null,
    warrantyEnd: addMonths(registered, 24),
    serviceContract,
    serviceContractUntil: serviceContract ? addMonths(ctx.today, f.number.int({ min: 3, max: 36 })) : null,
    financingType: financing,
    financingBank: financing === 'none' ? null : make.bank,
    financingEnd: financing === 'none' ? null : addMonths(registered, f.helpers.arrayElement([36, 48, 60])),
    financingContractNumber: null,
    financingResidualCents: null,
    locationId: ctx.locationId,
    notes: null,
  };
}
