import type { Deps } from '../../deps';
import type { OrgService } from '../org/service';
import type { MergeHooks } from '../contacts/merge-hooks';

export type TimelineService = ReturnType<typeof createTimelineService>;

export function createTimelineService(_deps: Deps, _org: OrgService, _mergeHooks: MergeHooks) {
  return {};
}
