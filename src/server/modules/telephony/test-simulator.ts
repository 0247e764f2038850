import type { LightMyRequestResponse } from 'fastify';
import type { TestApp, TestClient } from '@test/support/app';
import type { WebhookCallEvent } from '@shared/telephony/schemas';
import { telephonyConnections, telephonyExtensions, trackingNumbers } from './tables';

let sequence = 0;

/** A webhook connection (straight into its table: its admin pages live elsewhere) and a telephony API key. */
export async function webhookConnection(
  t: TestApp,
  admin: TestClient,
  options: { name?: string; enabled?: boolean; provider?: 'webhook' | 'sipgate' } = {},
) {
  const [connection] = await t.database.db
    .insert(telephonyConnections)
    .values({
      provider: options.provider ?? 'webhook',
      name: options.name ?? `Telefonanlage ${++sequence}`,
      enabled: options.enabled ?? true,
      locationId: t.location.id,
    })
    .returning();
  const key = await admin.post('/api/admin/api-keys', { name: `PBX ${++sequence}`, scopes: ['telephony'] });
  if (key.statusCode !== 201) throw new Error(`api key: ${key.statusCode} ${key.body}`);
  return { id: connection!.id, headers: { 'x-api-key': key.json().secret as string } };
}

export async function mapExtension(t: TestApp, connectionId: string, extension: string, userId: string) {
  await t.database.db.insert(telephonyExtensions).values({ connectionId, extension, userId });
}

export async function trackingNumber(
  t: TestApp,
  values: Partial<typeof trackingNumbers.$inferInsert> & { number: string },
) {
  const [row] = await t.database.db
    .insert(trackingNumbers)
    .values({ label: 'Kampagne', source: 'Google Ads', locationId: t.location.id, ...values })
    .returning();
  return row!;
}

type Extra = Partial<Omit<WebhookCallEvent, 'eventId' | 'callId' | 'event'>>;

/**
 * Plays a PBX that posts the generic webhook: each method sends one event
 * as the phone system would, with a fresh event id and the test clock's time.
 */
export class WebhookPbx {
  private events = 0;
  readonly sent: WebhookCallEvent[] = [];

  constructor(
    private readonly t: TestApp,
    readonly connectionId: string,
    private readonly headers: Record<string, string>,
  ) {}

  post(body: unknown, headers: Record<string, string> = this.headers): Promise<LightMyRequestResponse> {
    return this.t.app.inject({
      method: 'POST',
      url: `/api/telephony/webhook/${this.connectionId}`,
      headers,
      payload: body as object,
    });
  }

  async send(callId: string, event: WebhookCallEvent['event'], extra: Extra = {}) {
    const body: WebhookCallEvent = {
      eventId: `${callId}-${++this.events}-${event}`,
      callId,
      event,
      at: this.t.clock.now().toISOString(),
      ...extra,
    };
    this.sent.push(body);
    const res = await this.post(body);
    if (res.statusCode !== 200) throw new Error(`webhook ${event}: ${res.statusCode} ${res.body}`);
    return res.json() as { callId: string; applied: boolean };
  }

  ring = (callId: string, from: string, extensions: string[], extra: Extra = {}) =>
    this.send(callId, 'ringing', { direction: 'inbound', from, to: '+49 711 123456', extensions, ...extra });
  answer = (callId: string, answeredBy: string, extra: Extra = {}) =>
    this.send(callId, 'answered', { answeredBy, ...extra });
  hold = (callId: string) => this.send(callId, 'held');
  retrieve = (callId: string) => this.send(callId, 'retrieved');
  /** A transfer: the new leg rings at the colleague's extension and points to the original call. */
  transfer = (callId: string, newCallId: string, extensions: string[]) =>
    this.send(newCallId, 'ringing', { parentCallId: callId, extensions });
  hangup = (callId: string, cause = 'normalClearing') => this.send(callId, 'ended', { cause });
}
