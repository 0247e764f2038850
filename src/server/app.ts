import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import pino, { type Logger } from 'pino';
import type { Config } from './config';
import type { Database } from './db/client';
import type { Deps } from './deps';
import { registerAccessControl } from './http/access';
import { registerInputGuard } from './http/input-guard';
import { registerOpenApi } from './http/openapi';
import { registerProblemHandlers } from './http/problem';
import { inlineScriptSources, registerWebApp, sendIndex } from './http/web';
import { type Clock, systemClock } from './lib/clock';
import { activitiesRoutes } from './modules/activities/routes';
import { purchaseOrderRoutes } from './modules/sales/orders/routes';
import { messagesRoutes } from './modules/messages/routes';
import { calendarRoutes } from './modules/activities/calendar/routes';
import { offersRoutes } from './modules/sales/offers/routes';
import { opportunitiesRoutes } from './modules/sales/opportunities/routes';
import { documentsRoutes } from './modules/documents/routes';
import { salesDocumentRoutes } from './modules/sales/documents/routes';
import { assignmentRoutes } from './modules/assignment/routes';
import { boardRoutes } from './modules/board/routes';
import { campaignsRoutes } from './modules/campaigns/routes';
import { authRoutes } from './modules/auth/routes';
import { contactsRoutes } from './modules/contacts/routes';
import { importsRoutes } from './modules/imports/routes';
import { notificationsRoutes } from './modules/notifications/routes';
import { reportsRoutes } from './modules/reports/routes';
import { lifecycleRoutes } from './modules/lifecycle/routes';
import { requestsRoutes } from './modules/requests/routes';
import { searchRoutes } from './modules/search/routes';
import { testDrivesRoutes } from './modules/sales/test-drives/routes';
import { complaintsRoutes } from './modules/complaints/routes';
import { telephonyRoutes } from './modules/telephony/routes';
import { registerPhoneSystems } from './integrations/phone-systems';
import { placetelRoutes } from './integrations/placetel';
import { sipgateRoutes } from './integrations/sipgate';
import { templatesRoutes } from './modules/templates/routes';
import { customerEmailTemplateRoutes } from './modules/templates';
import { correspondenceRoutes } from './modules/correspondence/routes';
import { timelineRoutes } from './modules/timeline/routes';
import { vehiclesRoutes } from './modules/vehicles/routes';
import { serviceTicketsRoutes } from './modules/service-tickets/routes';
import { orgRoutes } from './modules/org/routes';
import { dutyRoutes } from './modules/org/duty/routes';
import { checksRoutes } from './modules/org/checks/routes';
import { phonebookRoutes } from './modules/phonebook/routes';
import { telephonyAdminRoutes } from './modules/telephony/admin/routes';
import { mailboxesRoutes } from './modules/mailboxes/routes';
import { systemRoutes } from './modules/system/routes';
import { surveysRoutes } from './modules/surveys/routes';
import { createServices, type Services } from './services';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
  }
}

export interface BuildOptions {
  config: Config;
  database: Database;
  clock?: Clock;
  logger?: Logger;
  /** Serve the built web app (off in API tests). */
  serveWeb?: boolean;
}

export function createLogger(config: Config): Logger {
  return pino({
    level: config.log.level,
    redact: [
      'req.headers.cookie',
      'req.headers.authorization',
      'req.headers["x-api-key"]',
      'req.headers["x-csrf-token"]',
    ],
    transport: config.log.pretty ? { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } : undefined,
  });
}

/** Builds the whole application from its modules; used by the server entry and by tests. */
export async function buildApp(
  options: BuildOptions,
): Promise<{ app: FastifyInstance; services: Services; deps: Deps }> {
  const { config, database } = options;
  const log = options.logger ?? createLogger(config);
  const deps: Deps = { config, database, db: database.db, clock: options.clock ?? systemClock, log };
  const services = createServices(deps);

  const app: FastifyInstance = Fastify({
    loggerInstance: log as unknown as FastifyBaseLogger,
    trustProxy: config.trustProxy,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    return503OnClosing: true,
    bodyLimit: 25 * 1024 * 1024,
  });
  app.decorate('config', config);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        // Swagger UI and Mantine set inline styles; scripts stay same-origin only, but for index.html's own.
        'style-src': ["'self'", "'unsafe-inline'"],
        'script-src': ["'self'", ...(options.serveWeb ? inlineScriptSources(config.webDist) : [])],
        'img-src': ["'self'", 'data:'],
      },
    },
  });
  await app.register(fastifyCookie);
  // The built web app answers every unknown GET outside /api with its shell, so client-side routes survive a reload;
  // HEAD alike, as load balancers probe with it.
  const webServed = options.serveWeb ? await registerWebApp(app, config.webDist) : false;
  registerProblemHandlers(app, {
    notFound: (request, reply) =>
      webServed && ['GET', 'HEAD'].includes(request.method) && !request.url.startsWith('/api/')
        ? sendIndex(reply)
        : undefined,
  });
  registerAccessControl(app, services.auth.authenticator);
  registerInputGuard(app);
  await registerOpenApi(app);

  await app.register(systemRoutes, { database });
  await app.register(authRoutes, services);
  await app.register(orgRoutes, services);
  await app.register(dutyRoutes, services);
  await app.register(checksRoutes, services);
  await app.register(contactsRoutes, services);
  await app.register(vehiclesRoutes, services);
  await app.register(timelineRoutes, services);
  await app.register(searchRoutes, services);
  await app.register(importsRoutes, services);
  await app.register(notificationsRoutes, services);
  await app.register(requestsRoutes, services);
  await app.register(assignmentRoutes, services);
  await app.register(templatesRoutes, services);
  await app.register(customerEmailTemplateRoutes, deps);
  await app.register(correspondenceRoutes, services);
  await app.register(activitiesRoutes, services);
  await app.register(boardRoutes, services);
  await app.register(calendarRoutes, services);
  await app.register(offersRoutes, services);
  await app.register(opportunitiesRoutes, services);
  await app.register(purchaseOrderRoutes, services);
  await app.register(testDrivesRoutes, services);
  await app.register(complaintsRoutes, services);
  await app.register(documentsRoutes, services);
  await app.register(salesDocumentRoutes, services);
  await app.register(messagesRoutes, services);
  await app.register(surveysRoutes, services);
  await app.register(reportsRoutes, services);
  await app.register(serviceTicketsRoutes, services);
  await app.register(lifecycleRoutes, services);
  await app.register(campaignsRoutes, services);
  await app.register(telephonyRoutes, services);
  // Virtual PBXs post their call events here; each checks its own signature or token. The
  // follow-up URLs sipgate is given are the address it reached us at, so no public URL is passed.
  const push = { sink: services.telephony.sink, db: deps.db, clock: deps.clock };
  await app.register(sipgateRoutes, push);
  await app.register(placetelRoutes, push);
  registerPhoneSystems();
  // Adapters hold links to phone systems (CSTA); main starts them, closing the app ends them.
  app.addHook('onClose', async () => services.telephony.adapters.stopAll());
  await app.register(telephonyAdminRoutes, services);
  await app.register(phonebookRoutes, services);
  // Mailbox readers hold IMAP connections; main starts them, closing the app ends them.
  app.addHook('onClose', async () => services.mailboxes.readers.stopAll());
  await app.register(mailboxesRoutes, services);

  return { app, services, deps };
}
