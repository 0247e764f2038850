import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { systemClock } from '@server/lib/clock';
import { loadPushConnection } from '../telephony-push/connection';
import { acceptRawForms, formPayload, parseForm, rawForm } from '../telephony-push/form';
import { ConnectionParams, FORM_CONSUMES, type PushRoutesOptions } from '../telephony-push/routes-common';
import { parseSipgatePush } from './parse';
import { EMPTY_REPLY, newCallReply } from './reply';
import { sipgateWebhookUrl } from '@server/integrations/provider-settings/sipgate';
import { translateSipgate } from './translate';
import { authenticateSipgate, SIGNATURE_HEADER } from './verify';

const Query = z.object({ token: z.string().max(500).optional() });

/** sipgate.io push: newCall, answer and hangup for one configured connection. */
export async function sipgateRoutes(root: FastifyInstance, options: PushRoutesOptions) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const clock = options.clock ?? systemClock;
  acceptRawForms(app);

  app.post('/api/telephony/sipgate/:connectionId', {
    // The URL carries the push token; request logs would write it out at info level.
    logLevel: 'warn',
    // sipgate cannot log in: it proves itself by signature, URL token or address, checked below.
    config: { access: { public: true } },
    schema: {
      tags: ['telephony'],
      summary: 'sipgate.io push (newCall, answer, hangup)',
      description:
        "Form-encoded sipgate.io push. Authenticated by X-Sipgate-Signature, the `token` of the connection's " +
        'webhook URL, and/or an IP allow-list. Answers newCall with XML asking for answer and hangup.',
      consumes: FORM_CONSUMES,
      params: ConnectionParams,
      querystring: Query,
    },
    handler: async (request, reply) => {
      const { connectionId } = request.params;
      const connection = await loadPushConnection(options.db, connectionId, 'sipgate');
      const rawBody = rawForm(request.body);
      const signature = request.headers[SIGNATURE_HEADER];
      authenticateSipgate(connection, {
        rawBody,
        signature: typeof signature === 'string' ? signature : undefined,
        token: request.query.token,
        ip: request.ip,
      });

      const fields = parseForm(rawBody);
      const push = parseSipgatePush(fields);
      const event = translateSipgate(push, { connectionId, at: clock.now(), payload: formPayload(fields) });
      if (event) await options.sink.handle(event);

      reply.type('application/xml; charset=utf-8');
      return push.event === 'newCall'
        ? newCallReply(sipgateWebhookUrl(options.publicUrl ?? `${request.protocol}://${request.host}`, connection))
        : EMPTY_REPLY;
    },
  });
}
