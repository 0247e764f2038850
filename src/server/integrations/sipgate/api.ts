import { ConflictError } from '@server/http/errors';
import { type ConnectionRow, textSetting } from '../telephony-push/connection';
import { baseUrl, postProviderJson } from '../telephony-push/provider-api';

export const SIPGATE_API = 'https://api.sipgate.com';

export interface ApiDeps {
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/**
 * Click-to-call through sipgate's REST API: sipgate rings the user's device
 * and, once picked up, dials the customer. Authenticated with a personal
 * access token: its id in settings.tokenId, the token as the connection secret.
 */
export async function sipgateMakeCall(
  row: ConnectionRow,
  input: { extension: string; to: string },
  deps: ApiDeps = {},
): Promise<{ externalCallId: string | null }> {
  const tokenId = textSetting(row, 'tokenId');
  if (!tokenId || !row.secret) {
    throw new ConflictError('This sipgate connection has no API token: set the token id and the token to place calls.');
  }
  const callerId = textSetting(row, 'callerId');
  const answer = await postProviderJson({
    provider: 'sipgate',
    url: `${baseUrl(textSetting(row, 'baseUrl'), SIPGATE_API, 'sipgate')}/v2/sessions/calls`,
    authorization: `Basic ${Buffer.from(`${tokenId}:${row.secret}`).toString('base64')}`,
    body: {
      deviceId: input.extension,
      caller: input.extension,
      callee: input.to,
      ...(callerId ? { callerId } : {}),
    },
    ...deps,
  });
  return { externalCallId: typeof answer.sessionId === 'string' ? answer.sessionId : null };
}
