import type { Deps } from './deps';
import { type AuthService, createAuthService } from './modules/auth/service';
import { createOrgService, type OrgService } from './modules/org/service';

/** All domain services, wired once per app. Routes and jobs receive this. */
export interface Services {
  org: OrgService;
  auth: AuthService;
}

export function createServices(deps: Deps): Services {
  return {
    org: createOrgService(deps),
    auth: createAuthService(deps),
  };
}
