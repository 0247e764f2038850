import { createPublicKey, type KeyObject, verify } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import { ConflictError, ForbiddenError, UnauthorizedError } from '@server/http/errors';
import { type ConnectionRow, textSetting } from '../telephony-push/connection';
import { sameSecret } from '../telephony-push/secure-compare';
import { sipgatePushToken } from '@server/integrations/provider-settings/sipgate';

export const SIGNATURE_HEADER = 'x-sipgate-signature';

export interface SipgateRequest {
  rawBody: Buffer;
  signature: string | undefined;
  token: string | undefined;
  ip: string;
}

function publicKeyOf(row: ConnectionRow): KeyObject | undefined {
  const pem = textSetting(row, 'publicKey');
  if (!pem) return undefined;
  try {
    return createPublicKey(pem);
  } catch {
    throw new ConflictError("The sipgate public key in this connection's settings is not a PEM key.");
  }
}

function allowListOf(row: ConnectionRow): BlockList | undefined {
  const entries = row.settings.allowedIps;
  if (!Array.isArray(entries) || entries.length === 0) return undefined;
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', bits] = String(entry).trim().split('/');
    const family = isIP(address);
    if (!family || (bits !== undefined && !/^\d{1,3}$/.test(bits))) {
      throw new ConflictError(
        `The IP allow-list of this connection has an entry that is not an address: ${String(entry)}`,
      );
    }
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return list;
}

function allowed(list: BlockList, ip: string): boolean {
  // A dual-stack server reports IPv4 callers as ::ffff:a.b.c.d.
  const plain = ip.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  const family = isIP(plain);
  return family !== 0 && list.check(plain, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * Checks who posts. Every check the connection has set up must pass: sipgate's
 * signature (settings.publicKey, PEM), the `token` in the URL (derived from
 * the secret, see sipgateWebhookUrl), and
 * the IP allow-list (settings.allowedIps). With none set up nothing is
 * accepted — an open endpoint would let anyone fake calls and screen pops.
 */
export function authenticateSipgate(row: ConnectionRow, request: SipgateRequest): void {
  const key = publicKeyOf(row);
  const list = allowListOf(row);
  if (!key && !row.secret && !list) {
    throw new ConflictError(
      'This sipgate connection cannot check who posts: set a secret (its webhook URL then carries a token), ' +
        "sipgate's public key, or an IP allow-list.",
    );
  }
  if (key) {
    if (!request.signature) throw new UnauthorizedError('The X-Sipgate-Signature header is missing.');
    const signature = Buffer.from(request.signature, 'base64');
    if (!verify('sha256', request.rawBody, key, signature)) {
      throw new UnauthorizedError('The X-Sipgate-Signature does not match the body.');
    }
  }
  const token = sipgatePushToken(row);
  if (token && (!request.token || !sameSecret(request.token, token))) {
    throw new UnauthorizedError('The token in the URL is missing or wrong.');
  }
  if (list && !allowed(list, request.ip)) {
    throw new ForbiddenError(`Posts from ${request.ip} are not allowed for this connection.`);
  }
}
