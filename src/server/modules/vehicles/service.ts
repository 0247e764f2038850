import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { normalizeVin } from '@shared/vehicles/normalize';
import type { ContactVehicle, Vehicle, VehicleInput, VehicleListQuery, VehicleUpdate } from '@shared/vehicles/schemas';
import type { MileageReadingInput, VehicleMileage } from '@shared/vehicles/mileage';
import type { Deps } from '@server/deps';
import type { Actor } from '@server/http/access';
import { ConflictError, type FieldError, NotFoundError, ValidationError } from '@server/http/errors';
import type { ContactListFilters, ContactsService, MergeHooks } from '@server/modules/contacts';
import type { OrgService } from '@server/modules/org';
import { recordTimeline, type TimelineWrite } from '@server/modules/timeline';
import { isUniqueViolationOf } from '@server/db/unique-violation';
import { authorOf } from '@server/http/actor';
import { linkableContact, pastInstant } from './helpers';
import { createLinkFunctions, linkedEntry } from './links';
import { listVehicleRows } from './list-query';
import { addReading, mileageOf, recordMileageOfVehicles } from './mileage';
import { type OwnerRef, presentContactVehicles, presentListItem, presentVehicle } from './presenters';
import * as repo from './repo';
import { holderIdsSql } from './selection-read-model';
import { changedSummary, createdSummary, vehicleLabel } from './summaries';
import { berlinToday, changedFields, vehicleValues } from './validation';

export type VehiclesService = ReturnType<typeof createVehiclesService>;

const vinTaken = () =>
  new ConflictError('A vehicle with this VIN exists already.', [
    { field: 'vin', in: 'body', code: 'already_in_use', message: 'already in use' },
  ]);

export function createVehiclesService(
  deps: Deps,
  contacts: ContactsService,
  mergeHooks: MergeHooks,
  org: OrgService,
  contactListFilters?: ContactListFilters,
) {
  const { db, clock, database } = deps;
  /** The service interval by mileage, told by the lifecycle rules (above vehicles) when wired. */
  let serviceEveryKm: () => Promise<number | null> = async () => null;

  // The customer list's phase filter: a vehicle the customer holds, delivered within the range.
  contactListFilters?.provideHoldsVehicleDeliveredIn(
    (range) => sql`c.id IN (${holderIdsSql({ deliveryRanges: [range], brands: [], models: [], fuels: [] })})`,
  );

  // A merged contact's vehicles belong to the contact it was merged into.
  mergeHooks.register('vehicles', (tx, sourceId, targetId) => repo.moveLinks(tx, sourceId, targetId, clock.now()));

  async function load(id: string): Promise<Vehicle> {
    const row = await repo.findVehicle(db, id);
    if (!row) throw new NotFoundError('Vehicle');
    const links = await repo.linksOfVehicle(db, id);
    const refs = await contacts.refs([...new Set(links.map((l) => l.contactId))]);
    return presentVehicle(row, links, refs);
  }

  /** The owner shown in lists: the current 'owner', else the current 'keeper'. */
  async function currentOwners(vehicleIds: string[]): Promise<Map<string, OwnerRef>> {
    const links = await repo.currentLinksOfVehicles(db, vehicleIds, ['owner', 'keeper']);
    const chosen = new Map<string, repo.LinkRow>();
    for (const link of links) {
      const seen = chosen.get(link.vehicleId);
      if (!seen || (seen.role !== 'owner' && link.role === 'owner')) chosen.set(link.vehicleId, link);
    }
    const refs = await contacts.refs([...new Set([...chosen.values()].map((l) => l.contactId))]);
    const owners = new Map<string, OwnerRef>();
    for (const [vehicleId, link] of chosen) {
      owners.set(vehicleId, { contactId: link.contactId, displayName: refs.get(link.contactId)?.displayName ?? '' });
    }
    return owners;
  }

  async function assertLocation(locationId: string | null | undefined) {
    if (!locationId) return;
    try {
      await org.getLocation(locationId);
    } catch (error) {
      if (error instanceof NotFoundError) {
        throw new ValidationError([
          { field: 'locationId', in: 'body', code: 'unknown_location', message: 'unknown location' },
        ]);
      }
      throw error;
    }
  }

  async function assertVinFree(vin: string | null | undefined, ownId?: string) {
    if (!vin) return;
    const other = await repo.findVehicleIdByVin(db, vin);
    if (other && other !== ownId) throw vinTaken();
  }

  return {
    get: load,
    currentOwners,

    exists: (id: string) => repo.vehicleExists(db, id),

    async findByVin(vin: string): Promise<Vehicle | null> {
      const id = await repo.findVehicleIdByVin(db, normalizeVin(vin));
      return id ? load(id) : null;
    },

    async list(query: z.output<typeof VehicleListQuery>) {
      const { rows, nextCursor } = await listVehicleRows(database, query, berlinToday(clock.now()));
      const owners = await currentOwners(rows.map((r) => r.id));
      return { items: rows.map((r) => presentListItem(r, owners.get(r.id))), nextCursor };
    },

    /** Current vehicles first, then former ones: for the customer record and "before the call". */
    async forContact(contactId: string): Promise<Array<z.infer<typeof ContactVehicle>>> {
      if (!(await contacts.exists(contactId))) throw new NotFoundError('Contact');
      const links = await repo.linksOfContact(db, contactId);
      const vehicleIds = [...new Set(links.map((l) => l.vehicleId))];
      const [rows, owners] = await Promise.all([repo.vehiclesByIds(db, vehicleIds), currentOwners(vehicleIds)]);
      return presentContactVehicles(links, rows, owners);
    },

    /** Creates a vehicle with its first links; the import passes its own record id as externalRef. */
    async create(
      actor: Actor | null,
      input: z.output<typeof VehicleInput>,
      options: { externalRef?: string | null } = {},
    ): Promise<Vehicle> {
      const now = clock.now();
      const { contacts: linkInputs, ...fields } = input;
      const { values, errors } = vehicleValues(fields, null, berlinToday(now));
      const seen = new Set<string>();
      linkInputs.forEach((l, i) => {
        const key = `${l.contactId}:${l.role}`;
        if (seen.has(key))
          errors.push({
            field: `contacts.${i}.role`,
            in: 'body',
            code: 'listed_twice',
            message: 'listed twice',
          } satisfies FieldError);
        seen.add(key);
      });
      if (errors.length > 0) throw new ValidationError(errors);
      await assertLocation(values.locationId);
      await assertVinFree(values.vin);
      const links: Array<Omit<repo.NewLink, 'vehicleId'>> = [];
      for (const [i, l] of linkInputs.entries()) {
        const validFrom = pastInstant(l.validFrom, `contacts.${i}.validFrom`, now);
        await linkableContact(contacts, l.contactId, `contacts.${i}.contactId`);
        links.push({ contactId: l.contactId, role: l.role, validFrom, createdBy: authorOf(actor) });
      }

      try {
        const id = await db.transaction(async (tx) => {
          const vehicleId = await repo.insertVehicle(tx, {
            ...(values as Required<typeof values>),
            externalRef: options.externalRef ?? null,
            createdAt: now,
            updatedAt: now,
          });
          const vehicle = (await repo.findVehicle(tx, vehicleId))!;
          const inserted = await repo.insertLinks(
            tx,
            links.map((l) => ({ ...l, vehicleId })),
          );
          const entries: TimelineWrite[] = inserted.map((link) => linkedEntry(actor, vehicle, link));
          if (entries.length === 0) {
            entries.push({
              vehicleId,
              kind: 'vehicle_changed',
              occurredAt: now,
              authorId: authorOf(actor),
              ...createdSummary(vehicleLabel(vehicle)),
              data: { created: true },
              sourceType: 'vehicle',
              sourceId: vehicleId,
            });
          }
          await recordTimeline(tx, entries);
          await recordMileageOfVehicles(
            tx,
            [vehicleId],
            options.externalRef ? 'import' : 'manual',
            authorOf(actor),
            now,
          );
          return vehicleId;
        });
        return load(id);
      } catch (error) {
        if (isUniqueViolationOf(error, 'vehicles_vin_uq')) throw vinTaken();
        if (isUniqueViolationOf(error, 'vehicles_external_ref_uq')) {
          throw new ConflictError('A vehicle with this external reference exists already.');
        }
        throw error;
      }
    },

    /** Changes the vehicle's own fields; links change through link/transfer. */
    async update(actor: Actor, id: string, input: z.output<typeof VehicleUpdate>): Promise<Vehicle> {
      const now = clock.now();
      const current = await repo.findVehicle(db, id);
      if (!current) throw new NotFoundError('Vehicle');
      const { version, ...fields } = input;
      if (version !== undefined && version !== current.version) throw staleVersion();
      const { values, errors } = vehicleValues(fields, current, berlinToday(now));
      if (errors.length > 0) throw new ValidationError(errors);
      if (values.locationId !== current.locationId) await assertLocation(values.locationId);
      await assertVinFree(values.vin, id);
      const changed = changedFields(current, values);
      if (changed.length === 0) return load(id);

      try {
        await db.transaction(async (tx) => {
          if (!(await repo.updateVehicle(tx, id, values, version ?? current.version, now))) throw staleVersion();
          // A mileage typed into the form is a reading; a new first registration changes the estimate.
          if (changed.some((f) => f === 'mileageKm' || f === 'mileageDate' || f === 'firstRegistration'))
            await recordMileageOfVehicles(tx, [id], 'manual', authorOf(actor), now);
          const vehicle = { ...current, ...values };
          const linked = [...new Set((await repo.currentLinksOfVehicles(tx, [id])).map((l) => l.contactId))];
          const words = changedSummary(vehicleLabel(vehicle), changed);
          // One entry carries the vehicle id (the vehicle's own timeline shows the change once);
          // further linked contacts get their copy with the vehicle named in data.
          const targets = linked.length > 0 ? linked : [null];
          await recordTimeline(
            tx,
            targets.map((contactId, i) => ({
              contactId,
              vehicleId: i === 0 ? id : null,
              kind: 'vehicle_changed' as const,
              occurredAt: now,
              authorId: authorOf(actor),
              ...words,
              data: { vehicleId: id, fields: changed },
              sourceType: 'vehicle',
              sourceId: id,
            })),
          );
        });
      } catch (error) {
        if (isUniqueViolationOf(error, 'vehicles_vin_uq')) throw vinTaken();
        throw error;
      }
      return load(id);
    },

    provideServiceInterval(interval: () => Promise<number | null>): void {
      serviceEveryKm = interval;
    },

    /** The vehicle's readings and the estimate made from them. */
    async mileage(id: string): Promise<VehicleMileage> {
      const found = await mileageOf(db, id, berlinToday(clock.now()), await serviceEveryKm());
      if (!found) throw new NotFoundError('Vehicle');
      return found;
    },

    /** Records a reading (validated against the earlier ones) and returns the readings with the new estimate. */
    async addMileageReading(actor: Actor, id: string, input: z.output<typeof MileageReadingInput>) {
      const now = clock.now();
      await db.transaction(async (tx) => {
        if (!(await repo.findVehicle(tx, id))) throw new NotFoundError('Vehicle');
        await repo.lockVehicle(tx, id);
        await addReading(tx, id, input, authorOf(actor), berlinToday(now), now);
        await repo.touchVehicle(tx, id, now);
      });
      return (await mileageOf(db, id, berlinToday(now), await serviceEveryKm()))!;
    },

    ...createLinkFunctions(deps, contacts, load),
  };
}

const staleVersion = () =>
  new ConflictError('The vehicle was changed by someone else in the meantime. Reload it and try again.', [
    { field: 'version', in: 'body', code: 'out_of_date', message: 'is out of date' },
  ]);
