// The public face of vehicles: cars and who owns or drives them.
export { createVehiclesService, type VehiclesService } from './service';
export {
  insertVehicleContactRows,
  insertVehicleRows,
  type NewVehicleContactRow,
  type NewVehicleRow,
  updateVehicleFields,
} from './bulk';
export {
  currentVehiclesOfContactJson,
  type ExistingVehicle,
  findVehiclesByKeys,
  vehicleFacts,
  vehicleFactsOfContact,
  vehicleRefs,
  vehicleLifecycleSql,
  vehicleSearchSql,
} from './read-model';
export { changedSummary, linkedSummary, vehicleLabel } from './summaries';
export { EMPTY_VEHICLE, type VehicleValues, vehicleValues } from './validation';
export { type DeliveredVehicle, deliverVehicleIn } from './delivery';
export {
  brandsAndModelsSql,
  hasVehicleCriteria,
  holderIdsSql,
  holdingConditionsSql,
  type VehicleCriteria,
} from './selection-read-model';
export {
  applyBankContracts,
  type BankContract,
  contractChanges,
  type ContractVehicle,
  findVehiclesForContracts,
} from './financing-contracts';
export { type MileageEstimate, mileageEstimate, recordMileageOfVehicles, vehicleMileageSql } from './mileage';
