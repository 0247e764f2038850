export const FUELS = [
  'petrol',
  'diesel',
  'hybrid',
  'plugin_hybrid',
  'electric',
  'lpg',
  'cng',
  'hydrogen',
  'other',
] as const;
export type Fuel = (typeof FUELS)[number];

/** How a contact relates to a vehicle: owner = Eigentümer, keeper = Halter (in the registration), driver = Fahrer, company_car_user = Dienstwagennutzer. */
export const VEHICLE_ROLES = ['owner', 'keeper', 'driver', 'company_car_user'] as const;
export type VehicleRole = (typeof VEHICLE_ROLES)[number];

/** balloon = Ballonfinanzierung (financing with a large final instalment, the Schlussrate). */
export const FINANCING_TYPES = ['none', 'financing', 'leasing', 'balloon'] as const;
export type FinancingType = (typeof FINANCING_TYPES)[number];

/** Where a mileage reading comes from. */
export const MILEAGE_SOURCES = ['manual', 'workshop', 'import'] as const;
export type MileageSource = (typeof MILEAGE_SOURCES)[number];
