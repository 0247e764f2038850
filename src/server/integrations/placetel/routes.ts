import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { systemClock } from '@server/lib/clock';
import { loadPushConnection } from '../telephony-push/connection';
import { acceptRawForms, formPayload, parseForm, rawForm } from '../telephony-push/form';
import { ConnectionParams, FORM_CONSUMES, type PushRoutesOptions } from '../telephony-push/routes-common';
import { placetelCountry } from './numbers';
import { parsePlacetelPush } from './parse';
import { SIGNATURE_HEADER, verifyPlacetelSignature } from './signature';
import { withRoutedExtensions } from './routing';
import { translatePlacetel } from './translate';

/** Placetel notify: IncomingCall, OutgoingCall, CallAccepted and HungUp for one configured connection. */
export async function placetelRoutes(root: FastifyInstance, options: PushRoutesOptions) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const clock = options.clock ?? systemClock;
  acceptRawForms(app);

  app.post('/api/telephony/placetel/:connectionId', {
    // Placetel cannot log in: it proves itself with the HMAC signature, checked below.
    config: { access: { public: true } },
    schema: {
      tags: ['telephony'],
      summary: 'Placetel notify (IncomingCall, OutgoingCall, CallAccepted, HungUp)',
      description:
        'Form-encoded Placetel notify post, signed with X-PLACETEL-SIGNATURE: HMAC-SHA256 (hex) over the raw body ' +
        "with the connection's secret.",
      consumes: FORM_CONSUMES,
      params: ConnectionParams,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      const { connectionId } = request.params;
      const connection = await loadPushConnection(options.db, connectionId, 'placetel');
      const rawBody = rawForm(request.body);
      const signature = request.headers[SIGNATURE_HEADER];
      verifyPlacetelSignature(connection, rawBody, typeof signature === 'string' ? signature : undefined);

      const fields = parseForm(rawBody);
      const push = parsePlacetelPush(fields);
      const country = placetelCountry(connection);
      const event = translatePlacetel(push, { connectionId, country, at: clock.now(), payload: formPayload(fields) });
      await options.sink.handle(await withRoutedExtensions(options.db, event, country));
      return reply.status(204).send(null);
    },
  });
}
