// Provider settings live outside the adapter folders: telephony's admin checks
// them, and adapters depend on telephony, so neither may import the other's side.
import { createHmac } from 'node:crypto';

/** The parts of a telephony connection the sipgate URL is derived from. */
interface SipgateConnection {
  id: string;
  secret: string | null;
}

/**
 * The `token` sipgate must put in the push URL. Derived from the connection's
 * secret rather than the secret itself: the secret is also the API token for
 * click-to-call, and URLs end up in logs on both sides.
 */
export function sipgatePushToken(row: SipgateConnection): string | null {
  if (!row.secret) return null;
  return createHmac('sha256', row.secret).update(`sipgate-push:${row.id}`).digest('base64url').slice(0, 32);
}

/** The URL to enter in sipgate's console for this connection (also where answer and hangup go). */
export function sipgateWebhookUrl(publicUrl: string, row: SipgateConnection): string {
  const url = new URL(`${publicUrl.replace(/\/+$/, '')}/api/telephony/sipgate/${row.id}`);
  const token = sipgatePushToken(row);
  if (token) url.searchParams.set('token', token);
  return url.toString();
}
