import type { VehicleRole } from '../../../shared/vehicles/enums';
import type { VehicleValues } from './validation';

/** Timeline lines are stored in German, the language of the dealers' records. */
export const ROLE_LABELS: Record<VehicleRole, string> = {
  owner: 'Eigentümer',
  keeper: 'Halter',
  driver: 'Fahrer',
  company_car_user: 'Dienstwagennutzer',
};

const FIELD_LABELS: Partial<Record<keyof VehicleValues, string>> = {
  vin: 'FIN',
  plate: 'Kennzeichen',
  make: 'Marke',
  model: 'Modell',
  variant: 'Ausführung',
  fuel: 'Kraftstoff',
  firstRegistration: 'Erstzulassung',
  mileageKm: 'Kilometerstand',
  mileageDate: 'Kilometerstand vom',
  deliveryDate: 'Auslieferung',
  warrantyEnd: 'Garantieende',
  serviceContract: 'Servicevertrag',
  serviceContractUntil: 'Servicevertrag bis',
  financingType: 'Finanzierung',
  financingBank: 'Bank',
  financingEnd: 'Finanzierungsende',
  locationId: 'Betrieb',
  notes: 'Notizen',
};

/** "M-AB 1234 (VW Golf)", or the VIN's last digits when there is no plate. */
export function vehicleLabel(v: { plate: string | null; vin: string | null; make: string; model: string }): string {
  const name = `${v.make} ${v.model}`;
  if (v.plate) return `${v.plate} (${name})`;
  if (v.vin) return `${name}, FIN …${v.vin.slice(-7)}`;
  return name;
}

export const linkedSummary = (label: string, role: VehicleRole, previous?: string) =>
  `Fahrzeug ${label} als ${ROLE_LABELS[role]} verknüpft${previous ? ` (Wechsel von ${previous})` : ''}`;

export const unlinkedSummary = (label: string, role: VehicleRole, next?: string) =>
  `Fahrzeug ${label}: Verknüpfung als ${ROLE_LABELS[role]} beendet${next ? ` (übergeben an ${next})` : ''}`;

export const createdSummary = (label: string) => `Fahrzeug ${label} angelegt`;

export function changedSummary(label: string, fields: Array<keyof VehicleValues>): string {
  const names = fields.map((f) => FIELD_LABELS[f] ?? f);
  return `Fahrzeug ${label} geändert: ${names.join(', ')}`;
}
