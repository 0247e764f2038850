import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiKey, ApiKeyCreate, ApiKeyCreated, ChangePasswordBody, LoginBody, SessionInfo } from '@shared/auth/schemas';
import type { Services } from '@server/services';
import { currentUser } from '@server/http/access';
import { SESSION_COOKIE } from './service';
import { IdParams } from '@server/http/params';
import { rolesFor } from '@shared/auth/policies';

export async function authRoutes(root: FastifyInstance, { auth, mail }: Services) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];
  const sessionInfo = (actor: Parameters<typeof auth.me>[0] & { csrfToken: string }) => ({
    user: auth.me(actor),
    csrfToken: actor.csrfToken,
    mailServer: mail.sends,
  });

  app.post('/api/auth/login', {
    config: { access: { public: true } },
    schema: { tags, summary: 'Log in with e-mail and password', body: LoginBody, response: { 200: SessionInfo } },
    handler: async (request, reply) => {
      const { token, actor, maxAgeSeconds } = await auth.login(request.body.email, request.body.password, {
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      });
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: root.config.session.cookieSecure,
        maxAge: maxAgeSeconds,
      });
      return sessionInfo(actor);
    },
  });

  app.post('/api/auth/logout', {
    config: { access: { roles: 'any' } },
    schema: { tags, summary: 'End the current session', response: { 204: z.null() } },
    handler: async (request, reply) => {
      await auth.logout(currentUser(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  });

  app.get('/api/auth/session', {
    config: { access: { roles: 'any' } },
    schema: { tags, summary: 'The logged-in user and the CSRF token', response: { 200: SessionInfo } },
    handler: async (request) => {
      const actor = currentUser(request);
      return sessionInfo(actor);
    },
  });

  app.post('/api/auth/password', {
    config: { access: { roles: 'any' } },
    schema: {
      tags,
      summary: 'Change the own password; ends the other sessions and answers with a new CSRF token',
      body: ChangePasswordBody,
      response: { 200: SessionInfo },
    },
    handler: async (request) => {
      const actor = await auth.changePassword(
        currentUser(request),
        request.body.currentPassword,
        request.body.newPassword,
      );
      return sessionInfo(actor);
    },
  });

  const adminTags = ['admin'];
  app.get('/api/admin/api-keys', {
    config: { access: { roles: rolesFor('auth.apiKeys.manage') } },
    schema: { tags: adminTags, summary: 'List API keys', response: { 200: z.array(ApiKey) } },
    handler: () => auth.listApiKeys(),
  });

  app.post('/api/admin/api-keys', {
    config: { access: { roles: rolesFor('auth.apiKeys.manage') } },
    schema: {
      tags: adminTags,
      summary: 'Create an API key; the secret is shown only in this answer',
      body: ApiKeyCreate,
      response: { 201: ApiKeyCreated },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await auth.createApiKey(currentUser(request), request.body)),
  });

  app.delete('/api/admin/api-keys/:id', {
    config: { access: { roles: rolesFor('auth.apiKeys.manage') } },
    schema: {
      tags: adminTags,
      summary: 'Revoke an API key',
      params: IdParams,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      await auth.revokeApiKey(currentUser(request), request.params.id);
      return reply.status(204).send(null);
    },
  });
}
