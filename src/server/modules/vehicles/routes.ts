import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services';

export async function vehiclesRoutes(_root: FastifyInstance, _services: Services) {}
