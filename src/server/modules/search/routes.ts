import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services';

export async function searchRoutes(_root: FastifyInstance, _services: Services) {}
