import type { z } from 'zod';
import type { VehicleRole } from '@shared/vehicles/enums';
import type { ContactVehicle, Vehicle, VehicleLink, VehicleListItem } from '@shared/vehicles/schemas';
import type { ListRow } from './list-query';
import type { LinkRow, VehicleRow } from './repo';

export interface ContactRefLike {
  id: string;
  displayName: string;
  customerNumber: string;
}
export type OwnerRef = { contactId: string; displayName: string };

export function presentLink(link: LinkRow, refs: Map<string, ContactRefLike>): z.infer<typeof VehicleLink> {
  const ref = refs.get(link.contactId);
  return {
    id: link.id,
    contactId: link.contactId,
    displayName: ref?.displayName ?? '',
    customerNumber: ref?.customerNumber ?? '',
    role: link.role,
    validFrom: link.validFrom.toISOString(),
    validTo: link.validTo?.toISOString() ?? null,
  };
}

export function presentVehicle(row: VehicleRow, links: LinkRow[], refs: Map<string, ContactRefLike>): Vehicle {
  const current = links.filter((l) => !l.validTo).sort((a, b) => a.validFrom.getTime() - b.validFrom.getTime());
  const ended = links
    .filter((l) => l.validTo)
    .sort((a, b) => b.validTo!.getTime() - a.validTo!.getTime() || b.validFrom.getTime() - a.validFrom.getTime());
  return {
    id: row.id,
    vin: row.vin,
    plate: row.plate,
    make: row.make,
    model: row.model,
    variant: row.variant,
    fuel: row.fuel,
    firstRegistration: row.firstRegistration,
    mileageKm: row.mileageKm,
    mileageDate: row.mileageDate,
    deliveryDate: row.deliveryDate,
    warrantyEnd: row.warrantyEnd,
    serviceContract: row.serviceContract,
    serviceContractUntil: row.serviceContractUntil,
    financingType: row.financingType,
    financingBank: row.financingBank,
    financingEnd: row.financingEnd,
    financingContractNumber: row.financingContractNumber,
    financingResidualCents: row.financingResidualCents,
    locationId: row.locationId,
    notes: row.notes,
    contacts: current.map((l) => presentLink(l, refs)),
    history: ended.map((l) => presentLink(l, refs)),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

type ListFields = Pick<
  ListRow,
  'id' | 'vin' | 'plate' | 'make' | 'model' | 'variant' | 'fuel' | 'firstRegistration' | 'serviceContract' | 'updatedAt'
>;

export function presentListItem(row: ListFields, owner: OwnerRef | undefined): VehicleListItem {
  return {
    id: row.id,
    vin: row.vin,
    plate: row.plate,
    make: row.make,
    model: row.model,
    variant: row.variant,
    fuel: row.fuel,
    firstRegistration: row.firstRegistration,
    serviceContract: row.serviceContract,
    owner: owner ? { id: owner.contactId, displayName: owner.displayName } : null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * A contact's vehicles: those with a current link first (by make and model),
 * then former ones, most recently given up first. Roles are the current ones,
 * or for a former vehicle the roles the contact used to have.
 */
export function presentContactVehicles(
  contactLinks: LinkRow[],
  vehicles: VehicleRow[],
  owners: Map<string, OwnerRef>,
): Array<z.infer<typeof ContactVehicle>> {
  const byVehicle = new Map<string, LinkRow[]>();
  for (const link of contactLinks) byVehicle.set(link.vehicleId, [...(byVehicle.get(link.vehicleId) ?? []), link]);
  const items = vehicles.map((v) => {
    const links = byVehicle.get(v.id) ?? [];
    const current = links.filter((l) => !l.validTo);
    const relevant = current.length > 0 ? current : links;
    const roles = [...new Set(relevant.map((l) => l.role))] as VehicleRole[];
    const lastEnd = Math.max(...links.map((l) => l.validTo?.getTime() ?? 0));
    return {
      item: {
        ...presentListItem(v, owners.get(v.id)),
        roles,
        serviceContractUntil: v.serviceContractUntil,
        warrantyEnd: v.warrantyEnd,
        current: current.length > 0,
      },
      lastEnd,
    };
  });
  items.sort((a, b) => {
    if (a.item.current !== b.item.current) return a.item.current ? -1 : 1;
    if (!a.item.current && a.lastEnd !== b.lastEnd) return b.lastEnd - a.lastEnd;
    return `${a.item.make} ${a.item.model}`.localeCompare(`${b.item.make} ${b.item.model}`, 'de');
  });
  return items.map((i) => i.item);
}
