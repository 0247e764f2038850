import { ConflictError } from '@server/http/errors';
import { type ConnectionRow, textSetting } from '../telephony-push/connection';
import { baseUrl, postProviderJson } from '../telephony-push/provider-api';

export const PLACETEL_API = 'https://api.placetel.de';

export interface ApiDeps {
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/**
 * Click-to-call through Placetel's REST API: Placetel rings the SIP user and
 * then dials the target. The API token is kept in settings.apiToken, apart
 * from the secret that signs the notify posts.
 */
export async function placetelMakeCall(
  row: ConnectionRow,
  input: { extension: string; to: string },
  deps: ApiDeps = {},
): Promise<{ externalCallId: string | null }> {
  const token = textSetting(row, 'apiToken');
  if (!token) throw new ConflictError('This Placetel connection has no API token: set it to place calls.');
  const answer = await postProviderJson({
    provider: 'Placetel',
    url: `${baseUrl(textSetting(row, 'baseUrl'), PLACETEL_API, 'Placetel')}/api/v2/calls`,
    authorization: `Bearer ${token}`,
    body: { sipuid: input.extension, target: input.to },
    ...deps,
  });
  const id = answer.id ?? answer.call_id;
  return { externalCallId: typeof id === 'string' || typeof id === 'number' ? String(id) : null };
}
