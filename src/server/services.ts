import type { Deps } from './deps';
import { type AuthService, createAuthService } from './modules/auth/service';
import { MergeHooks } from './modules/contacts/merge-hooks';
import { type ContactsService, createContactsService } from './modules/contacts/service';
import { createImportsService, type ImportsService } from './modules/imports/service';
import { createOrgService, type OrgService } from './modules/org/service';
import { createSearchService, type SearchService } from './modules/search/service';
import { createTimelineService, type TimelineService } from './modules/timeline/reader';
import { createVehiclesService, type VehiclesService } from './modules/vehicles/service';

/** All domain services, wired once per app. Routes and jobs receive this. */
export interface Services {
  org: OrgService;
  auth: AuthService;
  contacts: ContactsService;
  vehicles: VehiclesService;
  timeline: TimelineService;
  search: SearchService;
  imports: ImportsService;
}

/**
 * Dependencies point one way: org ← contacts ← vehicles ← imports; timeline
 * and search read across. Modules that keep rows pointing at contacts
 * register with the merge hooks instead of contacts knowing about them.
 */
export function createServices(deps: Deps): Services {
  const mergeHooks = new MergeHooks();
  const org = createOrgService(deps);
  const contacts = createContactsService(deps, org, mergeHooks);
  const vehicles = createVehiclesService(deps, contacts, mergeHooks);
  return {
    org,
    auth: createAuthService(deps),
    contacts,
    vehicles,
    timeline: createTimelineService(deps, org, mergeHooks),
    search: createSearchService(deps),
    imports: createImportsService(deps, contacts, vehicles),
  };
}
