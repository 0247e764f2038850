import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '@server/db/client';
import { DomainError } from '@server/http/errors';

export async function systemRoutes(root: FastifyInstance, { database }: { database: Database }) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/health', {
    config: { access: { public: true } },
    schema: {
      tags: ['system'],
      summary: 'The process is alive',
      response: { 200: z.object({ status: z.literal('ok') }) },
    },
    handler: async () => ({ status: 'ok' as const }),
  });

  app.get('/api/ready', {
    config: { access: { public: true } },
    schema: {
      tags: ['system'],
      summary: 'The database answers',
      response: { 200: z.object({ status: z.literal('ready'), engine: z.enum(['pglite', 'postgres']) }) },
    },
    handler: async () => {
      try {
        await database.query('SELECT 1');
      } catch {
        throw new DomainError(503, 'not-ready', 'The database does not answer.');
      }
      return { status: 'ready' as const, engine: database.engine };
    },
  });
}
