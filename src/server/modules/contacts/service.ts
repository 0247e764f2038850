import type { Deps } from '../../deps';
import type { OrgService } from '../org/service';
import type { MergeHooks } from './merge-hooks';

export type ContactsService = ReturnType<typeof createContactsService>;

export function createContactsService(_deps: Deps, _org: OrgService, _mergeHooks: MergeHooks) {
  return {};
}
