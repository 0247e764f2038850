import type { FinancingType, Fuel } from '@shared/vehicles/enums';
import type { Vehicle } from '../customers/types';

export interface VehicleFormValues {
  make: string;
  model: string;
  variant: string;
  plate: string;
  vin: string;
  fuel: Fuel | null;
  firstRegistration: string | null;
  mileageKm: number | string;
  deliveryDate: string | null;
  warrantyEnd: string | null;
  serviceContract: boolean;
  serviceContractUntil: string | null;
  financingType: FinancingType;
  financingBank: string;
  financingEnd: string | null;
  notes: string;
}

export function vehicleValues(vehicle?: Vehicle | null): VehicleFormValues {
  return {
    make: vehicle?.make ?? '',
    model: vehicle?.model ?? '',
    variant: vehicle?.variant ?? '',
    plate: vehicle?.plate ?? '',
    vin: vehicle?.vin ?? '',
    fuel: vehicle?.fuel ?? null,
    firstRegistration: vehicle?.firstRegistration ?? null,
    mileageKm: vehicle?.mileageKm ?? '',
    deliveryDate: vehicle?.deliveryDate ?? null,
    warrantyEnd: vehicle?.warrantyEnd ?? null,
    serviceContract: vehicle?.serviceContract ?? false,
    serviceContractUntil: vehicle?.serviceContractUntil ?? null,
    financingType: vehicle?.financingType ?? 'none',
    financingBank: vehicle?.financingBank ?? '',
    financingEnd: vehicle?.financingEnd ?? null,
    notes: vehicle?.notes ?? '',
  };
}

/** Form values → VehicleInput / VehicleUpdate: empty fields become null. */
export function vehicleBody(values: VehicleFormValues) {
  const mileage = values.mileageKm === '' ? null : Number(values.mileageKm);
  return {
    make: values.make.trim(),
    model: values.model.trim(),
    variant: values.variant,
    plate: values.plate.trim() || null,
    vin: values.vin.trim() || null,
    fuel: values.fuel || null,
    firstRegistration: values.firstRegistration || null,
    mileageKm: mileage,
    deliveryDate: values.deliveryDate || null,
    warrantyEnd: values.warrantyEnd || null,
    serviceContract: values.serviceContract,
    serviceContractUntil: values.serviceContract ? values.serviceContractUntil || null : null,
    financingType: values.financingType,
    financingBank: values.financingType === 'none' ? null : values.financingBank,
    financingEnd: values.financingType === 'none' ? null : values.financingEnd || null,
    notes: values.notes,
  };
}
