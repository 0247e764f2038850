import { DomainError } from '@server/http/errors';

/** The phone provider refused or failed a request we made on a user's behalf. */
export class ProviderApiError extends DomainError {
  constructor(message: string) {
    super(502, 'telephony-provider', message);
  }
}

export interface ProviderRequest {
  /** Shown in error messages: "sipgate", "Placetel". */
  provider: string;
  url: string;
  authorization: string;
  body: Record<string, unknown>;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** The provider's own explanation from an error body, if it gave one. */
function reason(text: string): string {
  try {
    const json = JSON.parse(text) as Record<string, unknown>;
    const message = json.message ?? json.error ?? json.detail;
    if (typeof message === 'string' && message) return message;
  } catch {
    // not JSON: the text itself
  }
  return text.trim().slice(0, 200);
}

/** POSTs JSON to a provider's REST API and returns its JSON answer; every failure becomes one readable error. */
export async function postProviderJson(request: ProviderRequest): Promise<Record<string, unknown>> {
  const { provider, url } = request;
  const timeoutMs = request.timeoutMs ?? 10_000;
  let response: Response;
  try {
    response = await (request.fetch ?? fetch)(url, {
      method: 'POST',
      headers: {
        authorization: request.authorization,
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: JSON.stringify(request.body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError') {
      throw new ProviderApiError(`${provider} did not answer within ${Math.round(timeoutMs / 1000)} s.`);
    }
    throw new ProviderApiError(
      `${provider} could not be reached at ${new URL(url).origin}: ${(error as Error).message}`,
    );
  }
  const text = await response.text();
  if (response.status === 401) {
    throw new ProviderApiError(
      `${provider} refused the credentials (HTTP 401); check the API token in the connection settings.`,
    );
  }
  if (!response.ok) {
    const why = reason(text);
    // 403: the token is valid but may not use this device or number.
    const hint = response.status === 403 ? ' Check that the token may place calls from this extension.' : '';
    throw new ProviderApiError(
      `${provider} could not place the call (HTTP ${response.status})${why ? `: ${why}.` : '.'}${hint}`,
    );
  }
  if (!text.trim()) return {};
  try {
    const json: unknown = JSON.parse(text);
    return json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
  } catch {
    throw new ProviderApiError(`${provider} answered with something that is not JSON.`);
  }
}

/** The API base URL from the settings, without a trailing slash; refuses anything but http(s). */
export function baseUrl(setting: string | undefined, fallback: string, provider: string): string {
  const value = (setting ?? fallback).replace(/\/+$/, '');
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ProviderApiError(`The ${provider} API address "${value}" is not a URL.`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new ProviderApiError(`The ${provider} API address must start with https://.`);
  }
  return value;
}
