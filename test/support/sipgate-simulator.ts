import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { type FakeRestApi, startFakeRestApi } from './fake-rest-api';

/**
 * Plays sipgate.io: posts form-encoded pushes over real HTTP to the webhook
 * URL, reads the XML answer to newCall, and — like sipgate — sends answer and
 * hangup only to the URLs that answer asked for.
 */

export type Form = Array<[string, string]>;

export interface SipgatePost {
  url: string;
  status: number;
  contentType: string;
  body: string;
}

export interface NewCall {
  callId: string;
  from: string;
  to: string;
  direction: 'in' | 'out';
  origCallId?: string;
  /** user[]: names of the sipgate users it rings at (or who dials). */
  users?: string[];
  /** userId[]: w0, p0… */
  userIds?: string[];
}

export interface SipgateSimulatorOptions {
  /** The webhook URL entered in sipgate's console, with its token. */
  url: string;
  /** Signs every post with X-Sipgate-Signature when set. */
  privateKey?: KeyObject;
}

const unescapeXml = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

function attribute(xml: string, name: string): string | undefined {
  const match = new RegExp(`<Response\\b[^>]*\\s${name}="([^"]*)"`).exec(xml);
  return match ? unescapeXml(match[1]!) : undefined;
}

export function sipgateKeys() {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

export class SipgateSimulator {
  /** The follow-up URLs each call's newCall answer asked for. */
  readonly followUps = new Map<string, { onAnswer?: string; onHangup?: string }>();
  readonly posts: SipgatePost[] = [];

  constructor(private readonly options: SipgateSimulatorOptions) {}

  /** One raw post; `signature` overrides what the simulator would sign. */
  async post(
    url: string,
    form: Form,
    options: { signature?: string | null; body?: string } = {},
  ): Promise<SipgatePost> {
    const body = options.body ?? new URLSearchParams(form).toString();
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    const signature =
      options.signature !== undefined
        ? options.signature
        : this.options.privateKey
          ? sign('sha256', Buffer.from(body), this.options.privateKey).toString('base64')
          : null;
    if (signature !== null) headers['x-sipgate-signature'] = signature;
    const response = await fetch(url, { method: 'POST', headers, body });
    const post = {
      url,
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      body: await response.text(),
    };
    this.posts.push(post);
    return post;
  }

  async newCall(call: NewCall): Promise<SipgatePost> {
    const form: Form = [
      ['event', 'newCall'],
      ['direction', call.direction],
      ['from', call.from],
      ['to', call.to],
      ['callId', call.callId],
      ['origCallId', call.origCallId ?? call.callId],
      ...(call.users ?? []).map((u): [string, string] => ['user[]', u]),
      ...(call.userIds ?? []).map((u): [string, string] => ['userId[]', u]),
      ...(call.userIds ?? []).map((u): [string, string] => ['fullUserId[]', `1234567${u}`]),
      ['xcid', `xcid-${call.callId}`],
    ];
    const post = await this.post(this.options.url, form);
    if (post.status === 200) {
      this.followUps.set(call.callId, {
        onAnswer: attribute(post.body, 'onAnswer'),
        onHangup: attribute(post.body, 'onHangup'),
      });
    }
    return post;
  }

  /** Someone picks up; sent only if the newCall answer asked for it (null otherwise). */
  async answer(
    callId: string,
    who: {
      user: string;
      userId?: string;
      answeringNumber?: string;
      from?: string;
      to?: string;
      direction?: 'in' | 'out';
    },
  ): Promise<SipgatePost | null> {
    const url = this.followUps.get(callId)?.onAnswer;
    if (!url) return null;
    const form: Form = [
      ['event', 'answer'],
      ['callId', callId],
      ['user', who.user],
      ...(who.userId
        ? ([
            ['userId', who.userId],
            ['fullUserId', `1234567${who.userId}`],
          ] as Form)
        : []),
      ...(who.answeringNumber ? ([['answeringNumber', who.answeringNumber]] as Form) : []),
      ...(who.from ? ([['from', who.from]] as Form) : []),
      ...(who.to ? ([['to', who.to]] as Form) : []),
      ...(who.direction ? ([['direction', who.direction]] as Form) : []),
    ];
    return this.post(url, form);
  }

  /** The call ends; sent only if the newCall answer asked for it (null otherwise). */
  async hangup(callId: string, cause: string, extra: { answeringNumber?: string } = {}): Promise<SipgatePost | null> {
    const url = this.followUps.get(callId)?.onHangup;
    if (!url) return null;
    const form: Form = [
      ['event', 'hangup'],
      ['callId', callId],
      ['cause', cause],
      ...(extra.answeringNumber ? ([['answeringNumber', extra.answeringNumber]] as Form) : []),
    ];
    return this.post(url, form);
  }

  /** A call that rings, is taken, and ends normally. */
  async fullCall(call: NewCall, answeredBy: { user: string; userId?: string }) {
    return [
      await this.newCall(call),
      await this.answer(call.callId, answeredBy),
      await this.hangup(call.callId, 'normalClearing'),
    ];
  }

  /** A call nobody takes: the caller gives up (cancel) or it times out (noAnswer). */
  async missedCall(call: NewCall, cause: 'cancel' | 'noAnswer' = 'cancel') {
    return [await this.newCall(call), await this.hangup(call.callId, cause)];
  }

  /**
   * The user who took the call hands it to a colleague: sipgate starts a new
   * call pointing to the original, which ends as forwarded.
   */
  async transfer(original: NewCall, next: Omit<NewCall, 'origCallId'>, answeredBy: { user: string; userId?: string }) {
    return [
      await this.newCall({ ...next, origCallId: original.callId }),
      await this.hangup(original.callId, 'forwarded'),
      await this.answer(next.callId, answeredBy),
      await this.hangup(next.callId, 'normalClearing'),
    ];
  }
}

/** sipgate's REST API for click-to-call (POST /v2/sessions/calls), with one valid token. */
export function startSipgateApi(credentials: { tokenId: string; token: string }): Promise<FakeRestApi> {
  const expected = `Basic ${Buffer.from(`${credentials.tokenId}:${credentials.token}`).toString('base64')}`;
  let session = 0;
  return startFakeRestApi((request) => {
    if (request.method !== 'POST' || request.path !== '/v2/sessions/calls') return { status: 404 };
    if (request.headers.authorization !== expected) return { status: 401, body: { message: 'Unauthorized' } };
    const body = request.body as Record<string, unknown> | null;
    if (!body || typeof body.deviceId !== 'string' || typeof body.callee !== 'string') {
      return { status: 400, body: { message: 'deviceId and callee are required' } };
    }
    if (!/^[a-z]\d+$/.test(body.deviceId)) return { status: 403, body: { message: 'Device not found' } };
    return { status: 200, body: { sessionId: `session-${++session}` } };
  });
}
