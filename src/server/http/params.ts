import { z } from 'zod';

/** The path parameters of a route about one record: `/…/:id`, a UUID (anything else is a 400, not a 404). */
export const IdParams = z.object({ id: z.uuid() });
