import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import type { FinancingType } from '@shared/vehicles/enums';
import { timelineText } from '@shared/texts/timeline';
import { recordTimelineInBulk, type TimelineWrite } from '@server/modules/timeline';
import { updateVehicleFields } from './bulk';
import { vehicleLabel } from './summaries';
import { vehicleContacts, vehicles } from './tables';

/*
 * A vehicle's financing or leasing contract as the bank reports it (its end-of-contract list):
 * the importer matches the list's rows to vehicles here and hands back what to write. The
 * vehicle keeps these fields; nobody else writes them directly.
 */

export interface ContractVehicle {
  id: string;
  vin: string | null;
  plateNormalized: string | null;
  label: string;
  financingType: FinancingType;
  financingBank: string | null;
  financingEnd: string | null;
  financingContractNumber: string | null;
  financingResidualCents: number | null;
  /** Current owners and keepers: whose timeline hears of the contract. */
  contactIds: string[];
}

/** What a row of the bank's list says; an undefined field was not in the file and stays as it is. */
export interface BankContract {
  financingType?: Exclude<FinancingType, 'none'>;
  financingEnd: string;
  financingBank?: string;
  financingContractNumber?: string;
  financingResidualCents?: number;
}

/** Vehicles by normalised VIN and by normalised plate (a plate may be on several vehicles over the years). */
export async function findVehiclesForContracts(
  db: DbOrTx,
  keys: { vins: string[]; plates: string[] },
): Promise<{ byVin: Map<string, ContractVehicle>; byPlate: Map<string, ContractVehicle[]> }> {
  const byVin = new Map<string, ContractVehicle>();
  const byPlate = new Map<string, ContractVehicle[]>();
  if (keys.vins.length === 0 && keys.plates.length === 0) return { byVin, byPlate };
  const rows = await db
    .select({
      id: vehicles.id,
      vin: vehicles.vin,
      plate: vehicles.plate,
      plateNormalized: vehicles.plateNormalized,
      make: vehicles.make,
      model: vehicles.model,
      financingType: vehicles.financingType,
      financingBank: vehicles.financingBank,
      financingEnd: vehicles.financingEnd,
      financingContractNumber: vehicles.financingContractNumber,
      financingResidualCents: vehicles.financingResidualCents,
      contactIds: sql<string[]>`coalesce(array_agg(DISTINCT ${vehicleContacts.contactId}::text)
        filter (where ${vehicleContacts.id} is not null), '{}')`,
    })
    .from(vehicles)
    .leftJoin(
      vehicleContacts,
      and(
        eq(vehicleContacts.vehicleId, vehicles.id),
        isNull(vehicleContacts.validTo),
        inArray(vehicleContacts.role, ['owner', 'keeper']),
      ),
    )
    .where(
      or(
        keys.vins.length ? inArray(vehicles.vin, keys.vins) : undefined,
        keys.plates.length ? inArray(vehicles.plateNormalized, keys.plates) : undefined,
      ),
    )
    .groupBy(vehicles.id);
  for (const r of rows) {
    const { plate, make, model, ...rest } = r;
    const vehicle: ContractVehicle = { ...rest, label: vehicleLabel({ plate, vin: r.vin, make, model }) };
    if (r.vin) byVin.set(r.vin, vehicle);
    if (r.plateNormalized) byPlate.set(r.plateNormalized, [...(byPlate.get(r.plateNormalized) ?? []), vehicle]);
  }
  return { byVin, byPlate };
}

/**
 * The fields the contract changes on the vehicle (empty: the vehicle says so already). A
 * vehicle without financing that the bank lists gets "Finanzierung" unless the list says more.
 */
export function contractChanges(vehicle: ContractVehicle, contract: BankContract): Partial<Record<string, unknown>> {
  const wanted: Record<string, unknown> = {
    financingType: contract.financingType ?? (vehicle.financingType === 'none' ? 'financing' : vehicle.financingType),
    financingEnd: contract.financingEnd,
    financingBank: contract.financingBank,
    financingContractNumber: contract.financingContractNumber,
    financingResidualCents: contract.financingResidualCents,
  };
  const changes: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(wanted)) {
    if (value !== undefined && value !== vehicle[field as keyof ContractVehicle]) changes[field] = value;
  }
  return changes;
}

/**
 * Writes the contracts in the caller's transaction and tells each vehicle's owners and keepers
 * on their timeline when the bank says the contract ends.
 */
export async function applyBankContracts(
  tx: DbOrTx,
  list: Array<{ vehicle: ContractVehicle; changes: Partial<Record<string, unknown>> }>,
  ctx: { now: Date; authorId: string | null; sourceType: string | null; sourceId: string | null },
): Promise<void> {
  const entries: TimelineWrite[] = [];
  for (const { vehicle, changes } of list) {
    const fields = Object.keys(changes);
    if (fields.length === 0) continue;
    await updateVehicleFields(tx, vehicle.id, changes, ctx.now);
    const end = (changes.financingEnd as string | undefined) ?? vehicle.financingEnd!;
    const words = timelineText('timeline.financingEndFromBank', { label: vehicle.label, end });
    // As for any change of the vehicle: the first entry carries the vehicle, further owners get their copy.
    const targets = vehicle.contactIds.length > 0 ? vehicle.contactIds : [null];
    targets.forEach((contactId, i) =>
      entries.push({
        contactId,
        vehicleId: i === 0 ? vehicle.id : null,
        kind: 'vehicle_changed',
        occurredAt: ctx.now,
        authorId: ctx.authorId,
        ...words,
        data: { vehicleId: vehicle.id, fields, previousEnd: vehicle.financingEnd },
        sourceType: ctx.sourceType,
        sourceId: ctx.sourceId,
      }),
    );
  }
  await recordTimelineInBulk(tx, entries);
}
