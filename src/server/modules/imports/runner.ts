import { fieldError } from '@shared/errors/codes';
import type { DbOrTx } from '@server/db/client';
import type {
  DuplicateHandling,
  ImportReport,
  ImportRowReport,
  ImportTarget,
  ImportMapping,
} from '@shared/imports/schemas';
import { recordTimelineInBulk } from '@server/modules/timeline';
import {
  changedSummary,
  findVehiclesByKeys,
  recordMileageOfVehicles,
  updateVehicleFields,
  vehicleLabel,
} from '@server/modules/vehicles';
import { BankContractImport } from './bank-contracts';
import { insertContacts, insertVehicles, linkOwners, type WriteContext } from './bulk-write';
import { mappedColumns, RowCells } from './cells';
import { findContactsByKeys, findOwners } from '@server/modules/contacts';
import { updateContacts } from './existing';
import { fieldsOf } from './fields';
import { type ChunkWrites, emptyWrites, ImportPlanner, type PreparedRow } from './plan';
import { type ContactContext, contactKeys, prepareContact } from './prepare-contact';
import { prepareVehicle, VEHICLE_FIELD_KEYS } from './prepare-vehicle';
import type { Table } from './parse';

/**
 * Rows per transaction when applying: large enough that commits and
 * statement round trips do not dominate, small enough to show progress.
 */
export const CHUNK_SIZE = 1_000;

export interface RunInput {
  target: ImportTarget;
  table: Table;
  mapping: ImportMapping;
  duplicateHandling: DuplicateHandling;
  dryRun: boolean;
  context: ContactContext;
  write: Omit<WriteContext, 'now'>;
  /** Runs a chunk's writes in one transaction (apply) — or, in a dry run, only its reads. */
  transaction<T>(work: (tx: DbOrTx) => Promise<T>): Promise<T>;
  /** Called inside each chunk's transaction once it is written: rows 1…processed are then committed together. */
  onChunk?(tx: DbOrTx, processed: number): Promise<void>;
}

function prepareRows(input: RunInput, rows: string[][], offset: number): PreparedRow[] {
  const known = new Set(fieldsOf(input.target).map((f) => f.key));
  const columns = mappedColumns(input.table.headers, input.mapping, known);
  const rowNumber = input.table.rowNumber ?? ((i: number) => i + 2);
  const { now, today } = input.context;
  return rows.map((cellsOfRow, i) => {
    const cells = new RowCells(columns, cellsOfRow);
    const row = rowNumber(offset + i);
    if (input.target === 'contacts') {
      const contact = prepareContact(cells, input.context);
      const vehicle = contact
        ? prepareVehicle(cells, { now, today, locationId: contact.input.homeLocationId })
        : undefined;
      return { row, reasons: cells.reasons, contact, vehicle };
    }
    const location = cells.text('location');
    const locationId = location
      ? (input.context.locations.get(location.toLowerCase()) ?? null)
      : input.context.defaultLocationId;
    if (location && !locationId)
      cells.fail('location', {
        ...fieldError('unknown_value', { value: location }),
        message: `unknown location "${location}"`,
      });
    const vehicle = prepareVehicle(cells, {
      now,
      today,
      locationId,
      notesField: 'vehicleNotes',
      refField: 'vehicleRef',
    });
    const givenFields = new Set(VEHICLE_FIELD_KEYS.filter((f) => cells.has([f])));
    return {
      row,
      reasons: cells.reasons,
      vehicle: cells.failed ? null : vehicle,
      ownerRef: cells.text('ownerRef'),
      givenFields,
    };
  });
}

/** Updates the fields a vehicle row fills in and notes the change on the vehicle's timeline. */
async function updateVehicles(tx: DbOrTx, list: ChunkWrites['updateVehicles'], ctx: WriteContext) {
  const entries = [];
  for (const { id, vehicle, givenFields } of list) {
    const set: Record<string, unknown> = {};
    for (const field of givenFields) set[field] = vehicle.values[field as keyof typeof vehicle.values];
    if (givenFields.has('plate')) set.plateNormalized = vehicle.values.plateNormalized;
    if (Object.keys(set).length === 0) continue;
    await updateVehicleFields(tx, id, set, ctx.now);
    if (givenFields.has('mileageKm') || givenFields.has('firstRegistration'))
      await recordMileageOfVehicles(tx, [id], 'import', ctx.authorId, ctx.now);
    entries.push({
      vehicleId: id,
      kind: 'vehicle_changed' as const,
      occurredAt: ctx.now,
      authorId: ctx.authorId,
      ...changedSummary(vehicleLabel(vehicle.values), [...givenFields] as never[]),
      sourceType: ctx.sourceType,
      sourceId: ctx.sourceId,
    });
  }
  await recordTimelineInBulk(tx, entries);
}

async function writeChunk(tx: DbOrTx, writes: ChunkWrites, ctx: WriteContext) {
  await insertContacts(tx, writes.createContacts, ctx);
  await updateContacts(tx, writes.updateContacts, ctx);
  await insertVehicles(
    tx,
    writes.createVehicles.map((v) => ({
      id: v.id,
      values: v.vehicle.values,
      externalRef: v.vehicle.externalRef,
      contactId: v.contactId,
    })),
    ctx,
  );
  await updateVehicles(tx, writes.updateVehicles, ctx);
  await linkOwners(
    tx,
    writes.linkVehicles.map((l) => ({
      vehicleId: l.vehicleId,
      contactId: l.contactId,
      label: vehicleLabel(l.vehicle.values),
      at: ctx.now,
    })),
    ctx,
  );
}

/**
 * Runs a whole table through validation, duplicate matching and (unless a
 * dry run) the writes, chunk by chunk in file order. A chunk commits or
 * fails as a whole, and a failed chunk ends the run with the report of the
 * chunks before it; rejected rows never stop the others.
 */
export async function runImport(input: RunInput): Promise<{ report: ImportReport; error: Error | null }> {
  const planner = new ImportPlanner(input.duplicateHandling, input.dryRun);
  const report: ImportRowReport[] = [];
  const totals = { create: 0, update: 0, skip: 0, reject: 0 };
  const ctx: WriteContext = { ...input.write, now: input.context.now };
  const { rows } = input.table;
  const bank =
    input.target === 'bank_contracts'
      ? new BankContractImport(input.table, input.mapping, input.context.now, input.dryRun)
      : null;
  let error: Error | null = null;
  for (let offset = 0; offset < rows.length && !error; offset += CHUNK_SIZE) {
    const chunk = rows.slice(offset, offset + CHUNK_SIZE);
    const prepared = bank ? [] : prepareRows(input, chunk, offset);
    const chunkReport = await input
      .transaction(async (tx) => {
        if (bank) {
          const { planned, updates } = await bank.plan(tx, chunk, offset);
          if (!input.dryRun) {
            await bank.write(tx, updates, ctx);
            await input.onChunk?.(tx, offset + chunk.length);
          }
          return planned;
        }
        const writes = emptyWrites();
        const planned: ImportRowReport[] = [];
        if (input.target === 'contacts') {
          const keys = prepared.flatMap((p) => (p.contact ? contactKeys(p.contact) : []));
          const vins = prepared.flatMap((p) => (p.vehicle?.values.vin ? [`vin:${p.vehicle.values.vin}`] : []));
          const found = await findContactsByKeys(tx, keys);
          const vehiclesFound = await findVehiclesByKeys(tx, vins);
          for (const p of prepared) planned.push(planner.planContact(p, found, vehiclesFound, writes));
        } else {
          const refs = [...new Set(prepared.flatMap((p) => (p.ownerRef ? [p.ownerRef] : [])))];
          const keys = prepared.flatMap((p) => [
            ...(p.vehicle?.externalRef ? [`vref:${p.vehicle.externalRef}`] : []),
            ...(p.vehicle?.values.vin ? [`vin:${p.vehicle.values.vin}`] : []),
          ]);
          const owners = await findOwners(tx, refs);
          const found = await findVehiclesByKeys(tx, keys);
          for (const p of prepared) planned.push(planner.planVehicle(p, owners, found, writes));
        }
        if (!input.dryRun) {
          await writeChunk(tx, writes, ctx);
          await input.onChunk?.(tx, offset + prepared.length);
        }
        return planned;
      })
      .catch((failure: unknown) => {
        // Earlier chunks stay committed; the report lists exactly those rows.
        error = failure instanceof Error ? failure : new Error(String(failure));
        return [] as ImportRowReport[];
      });
    for (const r of chunkReport) {
      totals[r.action]++;
      report.push(r);
    }
  }
  return { report: { dryRun: input.dryRun, totals, rows: report }, error };
}
