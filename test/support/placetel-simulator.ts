import { createHmac } from 'node:crypto';
import { type FakeRestApi, startFakeRestApi } from './fake-rest-api';

/**
 * Plays Placetel's notify API: form posts over real HTTP, signed with
 * HMAC-SHA256 over the raw body — or, for tests, with a wrong signature or none.
 */

export type Form = Array<[string, string]>;
export type Signing = 'good' | 'bad' | 'none';

export interface PlacetelPost {
  status: number;
  contentType: string;
  body: string;
}

export interface PlacetelCall {
  callId: string;
  /** National format, as Placetel sends it: 0221123456. */
  from: string;
  to: string;
  peer?: string;
}

export const placetelSign = (secret: string, body: string) => createHmac('sha256', secret).update(body).digest('hex');

export class PlacetelSimulator {
  readonly posts: PlacetelPost[] = [];

  constructor(private readonly options: { url: string; secret: string }) {}

  async post(form: Form, signing: Signing = 'good', rawBody?: string): Promise<PlacetelPost> {
    const body = rawBody ?? new URLSearchParams(form).toString();
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    if (signing === 'good') headers['x-placetel-signature'] = placetelSign(this.options.secret, body);
    if (signing === 'bad') headers['x-placetel-signature'] = placetelSign(`${this.options.secret}-wrong`, body);
    const response = await fetch(this.options.url, { method: 'POST', headers, body });
    const post = {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      body: await response.text(),
    };
    this.posts.push(post);
    return post;
  }

  incomingCall(call: PlacetelCall, signing?: Signing) {
    return this.post(this.callForm('IncomingCall', call), signing);
  }

  outgoingCall(call: PlacetelCall, signing?: Signing) {
    return this.post(this.callForm('OutgoingCall', call), signing);
  }

  accepted(call: PlacetelCall, peer: string, signing?: Signing) {
    return this.post(this.callForm('CallAccepted', { ...call, peer }), signing);
  }

  hungUp(call: PlacetelCall, type: string, duration: number, signing?: Signing) {
    return this.post([...this.callForm('HungUp', call), ['type', type], ['duration', String(duration)]], signing);
  }

  /** Rings, is taken by a peer, ends normally. */
  async fullCall(call: PlacetelCall, peer: string, duration = 42) {
    return [
      await this.incomingCall(call),
      await this.accepted(call, peer),
      await this.hungUp(call, 'accepted', duration),
    ];
  }

  /** Rings, nobody takes it. */
  async missedCall(call: PlacetelCall, type = 'missed') {
    return [await this.incomingCall(call), await this.hungUp(call, type, 0)];
  }

  /** Taken by one peer, handed to another who accepts it, then ends. */
  async transfer(call: PlacetelCall, firstPeer: string, secondPeer: string) {
    return [
      await this.incomingCall(call),
      await this.accepted(call, firstPeer),
      await this.accepted(call, secondPeer),
      await this.hungUp({ ...call, peer: secondPeer }, 'accepted', 90),
    ];
  }

  private callForm(event: string, call: PlacetelCall): Form {
    return [
      ['event', event],
      ['from', call.from],
      ['to', call.to],
      ['call_id', call.callId],
      ...(call.peer ? ([['peer', call.peer]] as Form) : []),
    ];
  }
}

/** Placetel's REST API for click-to-call (POST /api/v2/calls), with one valid bearer token. */
export function startPlacetelApi(token: string): Promise<FakeRestApi> {
  let id = 9000;
  return startFakeRestApi((request) => {
    if (request.method !== 'POST' || request.path !== '/api/v2/calls') return { status: 404 };
    if (request.headers.authorization !== `Bearer ${token}`) return { status: 401, body: { error: 'Unauthorized' } };
    const body = request.body as Record<string, unknown> | null;
    if (!body || typeof body.sipuid !== 'string' || typeof body.target !== 'string') {
      return { status: 422, body: { error: 'sipuid and target are required' } };
    }
    return { status: 201, body: { id: ++id, sipuid: body.sipuid, target: body.target } };
  });
}
