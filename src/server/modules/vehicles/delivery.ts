import { normalizeVin } from '@shared/vehicles/normalize';
import type { DbOrTx } from '@server/db/client';
import { recordTimeline, type TimelineWrite } from '@server/modules/timeline';
import * as repo from './repo';
import { createdSummary, linkedSummary, unlinkedSummary, vehicleLabel } from './summaries';

export interface DeliveredVehicle {
  make: string;
  model: string;
  variant: string | null;
  vin: string | null;
  /** The buyer: owner from the delivery on. */
  contactId: string;
  /** The handover: the owner link starts here. */
  at: Date;
  /** The delivery date (Berlin calendar day): the start of the vehicle's lifecycle. */
  deliveredOn: string;
  locationId: string;
  byId: string | null;
}

/**
 * A sold car handed over, in the caller's transaction: the vehicle with that VIN (or a new
 * record) gets its delivery date and the buyer as owner from the handover; a former owner's
 * link ends then. Timeline entries on the customer and the vehicle. Returns the vehicle id.
 */
export async function deliverVehicleIn(tx: DbOrTx, d: DeliveredVehicle): Promise<string> {
  const vin = d.vin ? normalizeVin(d.vin) : null;
  const entries: TimelineWrite[] = [];
  let created = false;
  let id = vin ? await repo.findVehicleIdByVin(tx, vin) : undefined;
  if (id) {
    await repo.lockVehicle(tx, id);
    await repo.updateVehicle(tx, id, { deliveryDate: d.deliveredOn }, undefined, d.at);
  } else {
    id = await repo.insertVehicle(tx, {
      vin,
      make: d.make,
      model: d.model,
      variant: d.variant,
      deliveryDate: d.deliveredOn,
      locationId: d.locationId,
      createdAt: d.at,
      updatedAt: d.at,
    });
    created = true;
  }
  const vehicle = (await repo.findVehicle(tx, id))!;
  const label = vehicleLabel(vehicle);
  if (created) {
    entries.push({
      contactId: d.contactId,
      vehicleId: id,
      kind: 'vehicle_changed',
      occurredAt: d.at,
      authorId: d.byId,
      ...createdSummary(label),
      data: null,
      sourceType: 'vehicle',
      sourceId: id,
    });
  }
  const owners = await repo.currentLinksOfVehicles(tx, [id], ['owner']);
  const leaving = owners.filter((l) => l.contactId !== d.contactId);
  for (const ended of await repo.endLinks(
    tx,
    leaving.map((l) => l.id),
    d.at,
  )) {
    entries.push({
      contactId: ended.contactId,
      vehicleId: id,
      kind: 'vehicle_unlinked',
      occurredAt: d.at,
      authorId: d.byId,
      ...unlinkedSummary(label, 'owner'),
      data: { linkId: ended.id, role: 'owner' },
      sourceType: 'vehicle',
      sourceId: id,
    });
  }
  if (!owners.some((l) => l.contactId === d.contactId)) {
    const [link] = await repo.insertLinks(tx, [
      { vehicleId: id, contactId: d.contactId, role: 'owner', validFrom: d.at, createdBy: d.byId },
    ]);
    entries.push({
      contactId: d.contactId,
      vehicleId: id,
      kind: 'vehicle_linked',
      occurredAt: d.at,
      authorId: d.byId,
      ...linkedSummary(label, 'owner'),
      data: { linkId: link!.id, role: 'owner' },
      sourceType: 'vehicle',
      sourceId: id,
    });
  }
  await recordTimeline(tx, entries);
  return id;
}
