import type { VehicleRole } from '@shared/vehicles/enums';
import type { VehicleValues } from './validation';
import { timelineText } from '@shared/texts/timeline';

/** "M-AB 1234 (VW Golf)", or the VIN's last digits when there is no plate. */
export function vehicleLabel(v: { plate: string | null; vin: string | null; make: string; model: string }): string {
  const name = `${v.make} ${v.model}`;
  if (v.plate) return `${v.plate} (${name})`;
  if (v.vin) return `${name}, FIN …${v.vin.slice(-7)}`;
  return name;
}

/** The summaries below: a text key with its parameters and the German line, to spread into a timeline write. */
export const linkedSummary = (label: string, role: VehicleRole, previous?: string) =>
  timelineText('timeline.vehicleLinked', { label, role, previous: previous ?? null });

export const unlinkedSummary = (label: string, role: VehicleRole, next?: string) =>
  timelineText('timeline.vehicleUnlinked', { label, role, next: next ?? null });

export const createdSummary = (label: string) => timelineText('timeline.vehicleCreated', { label });

export const changedSummary = (label: string, fields: Array<keyof VehicleValues>) =>
  timelineText('timeline.vehicleChanged', { label, fields });
