import type { WebhookCallEvent } from '@shared/telephony/schemas';
import { ConflictError, NotFoundError } from '@server/http/errors';
import { countryOf, readNumber } from './numbers';
import type { CallEvent } from './ports';
import type { ConnectionRow } from './repo';

/** The generic webhook's connection must exist, be switched on and be a webhook connection. */
export function assertWebhookConnection(connection: ConnectionRow | undefined): asserts connection is ConnectionRow {
  if (!connection) throw new NotFoundError('Telephony connection');
  if (connection.provider !== 'webhook') {
    throw new ConflictError(
      `Connection "${connection.name}" is a ${connection.provider} connection; the generic webhook only feeds webhook connections.`,
    );
  }
  if (!connection.enabled) throw new ConflictError(`Connection "${connection.name}" is switched off.`);
}

/**
 * The generic webhook's vocabulary is ours already; only numbers need
 * reading: any notation, in the country of the connection's location.
 */
export function fromWebhook(connection: ConnectionRow, body: WebhookCallEvent, receivedAt: Date): CallEvent {
  const country = countryOf(connection.settings);
  const dialled = body.dialled ? readNumber(body.dialled, country).e164 : null;
  return {
    provider: 'webhook',
    connectionId: connection.id,
    eventKey: body.eventId,
    callId: body.callId,
    parentCallId: body.parentCallId ?? null,
    kind: body.event,
    direction: body.direction,
    at: body.at ? new Date(body.at) : receivedAt,
    from: body.from !== undefined ? readNumber(body.from, country) : undefined,
    to: body.to !== undefined ? readNumber(body.to, country) : undefined,
    dialled,
    extensions: body.extensions ?? [],
    answeredBy: body.answeredBy ?? null,
    cause: body.cause ?? null,
    payload: body as unknown as Record<string, unknown>,
  };
}
