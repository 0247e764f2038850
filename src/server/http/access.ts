import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ApiKeyScope, Role } from '@shared/org/enums';
import { ForbiddenError, UnauthorizedError } from './errors';

/**
 * Every route declares who may call it; a route without a declaration refuses
 * to register, so nothing is reachable by accident.
 */
export type Access =
  | { public: true }
  | {
      /** Logged-in users with one of these roles ('any' = every logged-in user). */
      roles: readonly Role[] | 'any';
      /** API keys holding one of these scopes may call it too. */
      apiKeyScopes?: readonly ApiKeyScope[];
    }
  | { apiKeyScopes: readonly ApiKeyScope[] };

export interface UserActor {
  kind: 'user';
  userId: string;
  role: Role;
  email: string;
  displayName: string;
  homeLocationId: string;
  /** Home location plus every further location the user works at. */
  locationIds: string[];
  locale: 'de' | 'en';
  mustChangePassword: boolean;
  sessionId: string;
  csrfToken: string;
}

export interface ApiKeyActor {
  kind: 'apiKey';
  apiKeyId: string;
  name: string;
  scopes: ApiKeyScope[];
}

export type Actor = UserActor | ApiKeyActor;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyInstance {
    /** Every API route with its declared access; tests walk it to check each one. */
    routeAccess: RouteAccess[];
  }
}

export interface RouteAccess {
  method: string;
  url: string;
  access: Access;
}

export interface Authenticator {
  /** Resolves the session cookie or API key of a request; null when there is none. */
  authenticate(request: FastifyRequest): Promise<Actor | null>;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';

/** Routes a user who must change their password can still reach. */
const PASSWORD_CHANGE_ALLOWED = new Set(['/api/auth/session', '/api/auth/password', '/api/auth/logout']);

export function registerAccessControl(app: FastifyInstance, authenticator: Authenticator): void {
  app.decorateRequest('actor', null);
  const routeAccess: RouteAccess[] = [];
  app.decorate('routeAccess', routeAccess);

  app.addHook('onRoute', (route) => {
    const isApi = route.url.startsWith('/api/');
    const isDocs = route.url.startsWith('/api/docs');
    if (isApi && !isDocs && !route.config?.access) {
      throw new Error(`Route ${String(route.method)} ${route.url} does not declare its access`);
    }
    const access = route.config?.access;
    if (access && isApi) {
      for (const method of [route.method].flat())
        if (method !== 'HEAD') routeAccess.push({ method, url: route.url, access });
    }
    if (access && !('public' in access) && route.schema) {
      const security: Array<Record<string, string[]>> = [];
      if ('roles' in access) security.push({ session: [] });
      if (access.apiKeyScopes?.length) security.push({ apiKey: [] });
      route.schema = { ...route.schema, security } as typeof route.schema;
    }
  });

  // onRequest runs before body validation: an anonymous caller gets 401, not a 400 about its body.
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access || 'public' in access) return;

    const actor = await authenticator.authenticate(request);
    if (!actor) throw new UnauthorizedError();
    request.actor = actor;

    if (actor.kind === 'apiKey') {
      const allowed = access.apiKeyScopes ?? [];
      if (!allowed.some((s) => actor.scopes.includes(s))) {
        throw new ForbiddenError('This API key may not call this endpoint.');
      }
      return;
    }

    if (!SAFE_METHODS.has(request.method)) {
      const token = request.headers[CSRF_HEADER];
      if (typeof token !== 'string' || token !== actor.csrfToken) {
        throw new ForbiddenError('Missing or invalid CSRF token. Reload the page and try again.');
      }
    }
    if (!('roles' in access)) throw new ForbiddenError('This endpoint is for machine clients only.');
    if (access.roles !== 'any' && !access.roles.includes(actor.role)) {
      throw new ForbiddenError();
    }
    if (actor.mustChangePassword && !PASSWORD_CHANGE_ALLOWED.has(request.routeOptions.url ?? '')) {
      throw new ForbiddenError('Please change your one-time password first.');
    }
  });
}

/** The logged-in user of a request whose route admits only users. */
export function currentUser(request: FastifyRequest): UserActor {
  if (request.actor?.kind !== 'user') throw new UnauthorizedError();
  return request.actor;
}

export const hasLocation = (actor: UserActor, locationId: string) =>
  actor.role === 'admin' || actor.locationIds.includes(locationId);

export function assertLocation(actor: UserActor, locationId: string): void {
  if (!hasLocation(actor, locationId)) throw new ForbiddenError('You do not work at this location.');
}
