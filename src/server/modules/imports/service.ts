import type { Deps } from '../../deps';
import type { ContactsService } from '../contacts/service';
import type { VehiclesService } from '../vehicles/service';

export type ImportsService = ReturnType<typeof createImportsService>;

export function createImportsService(_deps: Deps, _contacts: ContactsService, _vehicles: VehiclesService) {
  return {};
}
