import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services';

export async function reportsRoutes(_root: FastifyInstance, _services: Services) {}
