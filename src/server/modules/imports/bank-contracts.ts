import { fieldError } from '@shared/errors/codes';
import type { ImportMapping, ImportReason, ImportRowReport } from '@shared/imports/schemas';
import { formatPlate, normalizePlate, normalizeVin, vinProblem } from '@shared/vehicles/normalize';
import type { DbOrTx } from '@server/db/client';
import {
  applyBankContracts,
  type BankContract,
  contractChanges,
  type ContractVehicle,
  findVehiclesForContracts,
} from '@server/modules/vehicles';
import type { WriteContext } from './bulk-write';
import { mappedColumns, RowCells } from './cells';
import { fieldsOf } from './fields';
import type { Table } from './parse';
import { parseContractType, parseDate, parseEuroCents } from './values';

/*
 * A bank's end-of-contract list: each row names a contract and its vehicle. The row is matched
 * to a vehicle already in the CRM — by VIN, else by plate — and never to a guess: a row whose
 * vehicle is unknown or not unique is reported and left alone. The vehicles module writes the
 * contract; this file only reads the list and decides per row.
 */

const MAX_BANK = 120;
const MAX_CONTRACT_NUMBER = 60;

interface PreparedContract {
  row: number;
  reasons: ImportReason[];
  /** Null when a cell cannot be used (the reasons name the column). */
  contract: BankContract | null;
  vin: string | null;
  plate: string | null;
  vinColumn: string | null;
  plateColumn: string | null;
}

type Update = { vehicle: ContractVehicle; changes: Partial<Record<string, unknown>> };

export class BankContractImport {
  private readonly columns;
  private readonly columnOf: Map<string, string>;
  /** Vehicles an earlier row of the file named: the row number. */
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly table: Table,
    mapping: ImportMapping,
    private readonly now: Date,
    private readonly dryRun: boolean,
  ) {
    this.columns = mappedColumns(table.headers, mapping, new Set(fieldsOf('bank_contracts').map((f) => f.key)));
    this.columnOf = new Map(this.columns.map((c) => [c.field, c.header]));
  }

  private prepare(cellsOfRow: string[], row: number): PreparedContract {
    const cells = new RowCells(this.columns, cellsOfRow);
    const column = (field: string) => this.columnOf.get(field) ?? null;
    let vin: string | null = null;
    const rawVin = cells.text('vin');
    if (rawVin) {
      const problem = vinProblem(rawVin);
      if (problem) cells.fail('vin', { code: 'invalid_vin', message: problem });
      else vin = normalizeVin(rawVin);
    }
    let plate: string | null = null;
    const rawPlate = cells.text('plate');
    if (rawPlate) {
      const formatted = formatPlate(rawPlate);
      if (!formatted) cells.fail('plate', { code: 'invalid_plate', message: 'is not a German licence plate' });
      else plate = normalizePlate(formatted);
    }
    if (!rawVin && !rawPlate)
      cells.fail(
        'vin',
        { code: 'vin_or_plate_required', message: 'a VIN or a plate is needed to find the vehicle' },
        column('vin') ?? column('plate'),
      );
    const financingEnd = cells.convert('contractEnd', (v) => parseDate(v, this.now));
    if (!financingEnd && !cells.text('contractEnd'))
      cells.fail('contractEnd', { code: 'required', message: 'is required' }, column('contractEnd'));
    const financingType = cells.convert('contractType', parseContractType);
    const financingResidualCents = cells.convert('residualAmount', parseEuroCents);
    const financingBank = cells.text('bank');
    if (financingBank && financingBank.length > MAX_BANK)
      cells.fail('bank', { ...fieldError('too_long', { max: MAX_BANK }), message: `is longer than ${MAX_BANK}` });
    const financingContractNumber = cells.text('contractNumber');
    if (financingContractNumber && financingContractNumber.length > MAX_CONTRACT_NUMBER)
      cells.fail('contractNumber', {
        ...fieldError('too_long', { max: MAX_CONTRACT_NUMBER }),
        message: `is longer than ${MAX_CONTRACT_NUMBER}`,
      });
    const contract =
      cells.failed || !financingEnd
        ? null
        : { financingType, financingEnd, financingBank, financingContractNumber, financingResidualCents };
    return {
      row,
      reasons: cells.reasons,
      contract,
      vin,
      plate,
      vinColumn: cells.column('vin'),
      plateColumn: cells.column('plate'),
    };
  }

  /** The vehicle a row means, or why there is none to take. */
  private match(
    p: PreparedContract,
    byVin: Map<string, ContractVehicle>,
    byPlate: Map<string, ContractVehicle[]>,
  ): ContractVehicle | ImportReason {
    const byItsVin = p.vin ? byVin.get(p.vin) : undefined;
    if (byItsVin) return byItsVin;
    // By plate only a vehicle without a VIN of its own: a plate moves between cars, a VIN does not.
    const candidates = p.plate ? (byPlate.get(p.plate) ?? []).filter((v) => !v.vin || v.vin === p.vin) : [];
    if (candidates.length === 1) return candidates[0]!;
    if (candidates.length > 1)
      return {
        field: 'plate',
        column: p.plateColumn,
        ...fieldError('vehicle_ambiguous', { count: candidates.length }),
        message: `the plate is on ${candidates.length} vehicles; none is chosen without a VIN`,
      };
    return {
      field: p.vin ? 'vin' : 'plate',
      column: p.vin ? p.vinColumn : p.plateColumn,
      code: 'vehicle_not_found',
      message: 'no vehicle with this VIN or plate',
    };
  }

  /** Matches a chunk of rows and decides per row: update, skip (nothing changes) or reject. */
  async plan(tx: DbOrTx, rows: string[][], offset: number): Promise<{ planned: ImportRowReport[]; updates: Update[] }> {
    const rowNumber = this.table.rowNumber ?? ((i: number) => i + 2);
    const prepared = rows.map((cells, i) => this.prepare(cells, rowNumber(offset + i)));
    const { byVin, byPlate } = await findVehiclesForContracts(tx, {
      vins: [...new Set(prepared.flatMap((p) => (p.contract && p.vin ? [p.vin] : [])))],
      plates: [...new Set(prepared.flatMap((p) => (p.contract && p.plate ? [p.plate] : [])))],
    });
    const planned: ImportRowReport[] = [];
    const updates: Update[] = [];
    for (const p of prepared) {
      const reasons = [...p.reasons];
      if (!p.contract) {
        planned.push({ row: p.row, action: 'reject', reasons });
        continue;
      }
      const vehicle = this.match(p, byVin, byPlate);
      if (!('id' in vehicle)) {
        planned.push({ row: p.row, action: 'reject', reasons: [...reasons, vehicle] });
        continue;
      }
      const earlier = this.seen.get(vehicle.id);
      if (earlier !== undefined) {
        reasons.push({
          field: p.vin ? 'vin' : 'plate',
          column: p.vin ? p.vinColumn : p.plateColumn,
          ...fieldError('same_as_row', { row: earlier }),
          message: `same vehicle as row ${earlier}`,
        });
        planned.push({ row: p.row, action: 'reject', reasons });
        continue;
      }
      this.seen.set(vehicle.id, p.row);
      const ids = { vehicleId: vehicle.id, ...(vehicle.contactIds[0] ? { contactId: vehicle.contactIds[0] } : {}) };
      const changes = contractChanges(vehicle, p.contract);
      if (Object.keys(changes).length === 0) {
        reasons.push({
          field: 'contractEnd',
          column: this.columnOf.get('contractEnd') ?? null,
          code: 'contract_unchanged',
          message: 'the vehicle has this contract already; nothing changes',
        });
        planned.push({ row: p.row, action: 'skip', reasons, ...ids });
        continue;
      }
      if (changes.financingEnd !== undefined) {
        const from = vehicle.financingEnd;
        const to = p.contract.financingEnd;
        reasons.push({
          field: 'contractEnd',
          column: this.columnOf.get('contractEnd') ?? null,
          ...fieldError('financing_end_changed', { from, to }),
          message: `contract end ${from ?? 'none'} → ${to}`,
        });
      }
      updates.push({ vehicle, changes });
      planned.push({ row: p.row, action: 'update', reasons, ...ids });
    }
    return { planned, updates: this.dryRun ? [] : updates };
  }

  write(tx: DbOrTx, updates: Update[], ctx: WriteContext): Promise<void> {
    return applyBankContracts(tx, updates, ctx);
  }
}
