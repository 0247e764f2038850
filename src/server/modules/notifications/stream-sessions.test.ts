import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';
import { mapExtension, WebhookPbx, webhookConnection } from '../telephony/test-simulator';
import { openEventStream, type SseClient } from './test-sse-client';

let t: TestApp;
let url: string;
let admin: TestClient;
let pbx: WebhookPbx;
let connectionId: string;
beforeAll(async () => {
  // Streams' sessions are checked every second here instead of every ten.
  t = await createTestApp({ env: { CRM_LIVE_SESSION_CHECK_SECONDS: '1' } });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/api/events`;
  admin = await t.userWithRole('admin');
  const connection = await webhookConnection(t, admin);
  connectionId = connection.id;
  pbx = new WebhookPbx(t, connection.id, connection.headers);
});
afterAll(() => t.close());

let extensions = 40;
let calls = 0;

/** A receptionist at a desk phone of their own, with a live event stream open. */
async function receptionistWithStream() {
  const user = await t.userWithRole('reception');
  const extension = String(++extensions);
  await mapExtension(t, connectionId, extension, user.userId);
  const stream = await openEventStream(url, user.cookie!);
  await stream.next('ready');
  return { user, extension, stream };
}

/** Resolves true when the server ends the stream within the time, false otherwise. */
const endsWithin = (stream: SseClient, ms: number) =>
  Promise.race([stream.ended.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);

/** Rings the extension, then gives a live event time to arrive. */
async function ring(extension: string) {
  await pbx.ring(`ended-session-${++calls}`, '+49 171 5550123', [extension]);
  await new Promise((resolve) => setTimeout(resolve, 500));
}

const pops = (stream: SseClient) => stream.events.filter((e) => e.event === 'call');

describe('an open event stream after its session ended', () => {
  it('ends at logout and gets no further pop, while the same user on another device keeps getting them', async () => {
    const { user, extension, stream } = await receptionistWithStream();
    const otherDevice = await t.login(user.email);
    const other = await openEventStream(url, otherDevice.cookie!);
    try {
      await other.next('ready');
      expect((await user.post('/api/auth/logout')).statusCode).toBe(204);
      expect(await endsWithin(stream, 5000)).toBe(true);
      await ring(extension);
      expect(pops(stream)).toEqual([]);
      await other.next('call');
    } finally {
      stream.close();
      other.close();
    }
  });

  it('ends when an administrator deactivates the user', async () => {
    const { user, extension, stream } = await receptionistWithStream();
    try {
      expect((await admin.patch(`/api/users/${user.userId}`, { active: false })).statusCode).toBe(200);
      expect(await endsWithin(stream, 5000)).toBe(true);
      await ring(extension);
      expect(pops(stream)).toEqual([]);
    } finally {
      stream.close();
    }
  });

  it('ends when its session row is deleted, whoever deletes it', async () => {
    const { user, extension, stream } = await receptionistWithStream();
    try {
      await t.database.query('DELETE FROM sessions WHERE user_id = $1', [user.userId]);
      expect(await endsWithin(stream, 5000)).toBe(true);
      await ring(extension);
      expect(pops(stream)).toEqual([]);
    } finally {
      stream.close();
    }
  });

  it('ends when the session expires after the idle time, with nobody deleting it', async () => {
    const { extension, stream } = await receptionistWithStream();
    try {
      t.clock.advance((t.config.session.idleMinutes + 1) * 60_000);
      expect(await endsWithin(stream, 5000)).toBe(true);
      await ring(extension);
      expect(pops(stream)).toEqual([]);
    } finally {
      stream.close();
    }
  });
});
