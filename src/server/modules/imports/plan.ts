import { fieldError } from '@shared/errors/codes';
import { uuid7 } from '@server/lib/uuid7';
import type { DuplicateHandling, ImportReason, ImportRowReport } from '@shared/imports/schemas';
import type { ExistingRef } from '@server/modules/contacts';
import type { ExistingVehicle } from '@server/modules/vehicles';
import { contactKeys, type PreparedContact } from './prepare-contact';
import type { PreparedVehicle } from './prepare-vehicle';

/** One row after validation: what it holds, or why it cannot be imported. */
export interface PreparedRow {
  row: number;
  reasons: ImportReason[];
  contact?: PreparedContact | null;
  vehicle?: PreparedVehicle | null;
  /** Vehicle files: the owner's customer number or old-system id. */
  ownerRef?: string;
  /** Vehicle files: the fields the row fills in (an update changes only those). */
  givenFields?: Set<string>;
}

/** What the writer does for a chunk. */
export interface ChunkWrites {
  createContacts: Array<{ id: string; contact: PreparedContact }>;
  updateContacts: Array<{ contactId: string; contact: PreparedContact }>;
  createVehicles: Array<{ id: string; vehicle: PreparedVehicle; contactId: string | null }>;
  updateVehicles: Array<{ id: string; vehicle: PreparedVehicle; givenFields: Set<string> }>;
  linkVehicles: Array<{ vehicleId: string; contactId: string; vehicle: PreparedVehicle }>;
}

export const emptyWrites = (): ChunkWrites => ({
  createContacts: [],
  updateContacts: [],
  createVehicles: [],
  updateVehicles: [],
  linkVehicles: [],
});

interface Known {
  id: string;
  /** Row of this file that created it; absent for records that existed before. */
  row?: number;
  customerNumber?: string;
}

const KEY_WORDS: Record<string, [string, string]> = {
  ref: ['externalRef', 'customer number of the old system'],
  email: ['email', 'e-mail address'],
  phone: ['phone', 'phone number'],
  vin: ['vin', 'VIN'],
  vref: ['vehicleRef', 'vehicle number of the old system'],
};

function sameAs(key: string, known: Known, column: string | null): ImportReason {
  const [field, words] = KEY_WORDS[key.slice(0, key.indexOf(':'))] ?? ['row', key];
  if (known.row !== undefined)
    return {
      field,
      column,
      ...fieldError('same_as_row', { row: known.row }),
      message: `same ${words} as row ${known.row}`,
    };
  const contact = known.customerNumber ?? known.id;
  return {
    field,
    column,
    ...fieldError('same_as_contact', { contact }),
    message: `same ${words} as contact ${contact}`,
  };
}

/**
 * Decides per row between create, update, skip and reject, remembering what
 * earlier rows of the same file created, so a file with the same customer
 * twice creates it once.
 */
export class ImportPlanner {
  private readonly contactsByKey = new Map<string, Known>();
  private readonly vehiclesByKey = new Map<string, Known & { ownerIds: string[] }>();

  constructor(
    private readonly handling: DuplicateHandling,
    private readonly dryRun: boolean,
  ) {}

  private remember<T extends Known>(map: Map<string, T>, keys: string[], value: T) {
    for (const key of keys) if (!map.has(key)) map.set(key, value);
  }

  /** Rows of a contacts file. `found` holds what the database already has for the chunk's keys. */
  planContact(
    p: PreparedRow,
    found: Map<string, ExistingRef>,
    vehiclesFound: Map<string, ExistingVehicle>,
    writes: ChunkWrites,
  ): ImportRowReport {
    const reasons = [...p.reasons];
    const contact = p.contact;
    if (!contact || p.vehicle === null) return { row: p.row, action: 'reject', reasons };
    const keys = contactKeys(contact);
    let match: { key: string; known: Known } | undefined;
    for (const key of keys) {
      const known = this.contactsByKey.get(key) ?? found.get(key);
      if (known) {
        match = { key, known };
        break;
      }
    }
    let action: ImportRowReport['action'];
    let contactId: string;
    if (!match || (this.handling === 'create' && !match.key.startsWith('ref:'))) {
      action = 'create';
      contactId = uuid7();
      writes.createContacts.push({ id: contactId, contact });
      this.remember(this.contactsByKey, keys, { id: contactId, row: p.row });
    } else {
      reasons.push(sameAs(match.key, match.known, null));
      if (this.handling === 'create') return { row: p.row, action: 'reject', reasons };
      contactId = match.known.id;
      action = this.handling === 'update' ? 'update' : 'skip';
      if (action === 'update') writes.updateContacts.push({ contactId, contact });
      this.remember(this.contactsByKey, keys, match.known);
    }
    const vehicleId =
      action === 'skip' ? undefined : this.planOwnedVehicle(p, contactId, vehiclesFound, writes, reasons);
    // In a dry run new records get no id: nothing was written.
    const fresh = action === 'create' || match?.known.row !== undefined;
    const showId = !this.dryRun || !fresh;
    return {
      row: p.row,
      action,
      reasons,
      ...(showId ? { contactId } : {}),
      ...(vehicleId && !this.dryRun ? { vehicleId } : {}),
    };
  }

  private planOwnedVehicle(
    p: PreparedRow,
    contactId: string,
    found: Map<string, ExistingVehicle>,
    writes: ChunkWrites,
    reasons: ImportReason[],
  ): string | undefined {
    const vehicle = p.vehicle;
    if (!vehicle) return undefined;
    const key = vehicle.values.vin ? `vin:${vehicle.values.vin}` : null;
    const known = key ? (this.vehiclesByKey.get(key) ?? found.get(key)) : undefined;
    if (known) {
      if (!known.ownerIds.includes(contactId)) {
        reasons.push({
          field: 'vin',
          column: null,
          code: 'vin_of_other_contact',
          message: 'a vehicle with this VIN exists already and belongs to another contact; not linked',
        });
      }
      return known.id;
    }
    const id = uuid7();
    writes.createVehicles.push({ id, vehicle, contactId });
    if (key) this.vehiclesByKey.set(key, { id, row: p.row, ownerIds: [contactId] });
    return id;
  }

  /** Rows of a vehicles file; `owners` maps owner references to contact ids. */
  planVehicle(
    p: PreparedRow,
    owners: Map<string, string>,
    found: Map<string, ExistingVehicle>,
    writes: ChunkWrites,
  ): ImportRowReport {
    const reasons = [...p.reasons];
    const vehicle = p.vehicle;
    if (!vehicle) {
      if (vehicle === undefined && reasons.length === 0)
        reasons.push({ field: 'make', column: null, code: 'no_vehicle_data', message: 'the row has no vehicle data' });
      return { row: p.row, action: 'reject', reasons };
    }
    const ownerId = p.ownerRef ? owners.get(p.ownerRef) : undefined;
    if (!p.ownerRef)
      return {
        row: p.row,
        action: 'reject',
        reasons: [...reasons, { field: 'ownerRef', column: null, code: 'required', message: 'is required' }],
      };
    if (!ownerId) {
      return {
        row: p.row,
        action: 'reject',
        reasons: [
          ...reasons,
          {
            field: 'ownerRef',
            column: null,
            ...fieldError('unknown_customer_number', { customerNumber: p.ownerRef }),
            message: `no contact with customer number "${p.ownerRef}"`,
          },
        ],
      };
    }
    const keys = [
      vehicle.externalRef ? `vref:${vehicle.externalRef}` : null,
      vehicle.values.vin ? `vin:${vehicle.values.vin}` : null,
    ].filter((k): k is string => k !== null);
    let match: { key: string; known: Known & { ownerIds: string[] } } | undefined;
    for (const key of keys) {
      const known = this.vehiclesByKey.get(key) ?? found.get(key);
      if (known) {
        match = { key, known };
        break;
      }
    }
    if (!match) {
      const id = uuid7();
      writes.createVehicles.push({ id, vehicle, contactId: ownerId });
      this.remember(this.vehiclesByKey, keys, { id, row: p.row, ownerIds: [ownerId] });
      return { row: p.row, action: 'create', reasons, contactId: ownerId, ...(this.dryRun ? {} : { vehicleId: id }) };
    }
    reasons.push(sameAs(match.key, match.known, null));
    if (this.handling === 'create') return { row: p.row, action: 'reject', reasons };
    const id = match.known.id;
    const showId = !this.dryRun || match.known.row === undefined;
    if (this.handling === 'skip')
      return { row: p.row, action: 'skip', reasons, contactId: ownerId, ...(showId ? { vehicleId: id } : {}) };
    writes.updateVehicles.push({ id, vehicle, givenFields: p.givenFields ?? new Set() });
    if (!match.known.ownerIds.includes(ownerId)) {
      writes.linkVehicles.push({ vehicleId: id, contactId: ownerId, vehicle });
      match.known.ownerIds.push(ownerId);
    }
    return { row: p.row, action: 'update', reasons, contactId: ownerId, ...(showId ? { vehicleId: id } : {}) };
  }
}
