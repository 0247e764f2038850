import type { Deps } from '../../deps';
import type { ContactsService } from '../contacts/service';
import type { MergeHooks } from '../contacts/merge-hooks';

export type VehiclesService = ReturnType<typeof createVehiclesService>;

export function createVehiclesService(_deps: Deps, _contacts: ContactsService, _mergeHooks: MergeHooks) {
  return {};
}
