import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestApp, type TestApp } from '@test/support/app';
import { LISTENER_NAME } from './event-bus';
import { openEventStream } from './test-sse-client';

let t: TestApp;
let url: string;
beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/api/events`;
});
afterAll(() => t.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const notify = (userId: string, title: string) =>
  t.database.db.transaction((tx) => t.services.notifications.notify(tx, userId, { kind: 'request.assigned', title }));

const titlesOf = (events: Array<{ event: string; data: unknown }>) =>
  events.filter((e) => e.event === 'notification').map((e) => (e.data as { title: string }).title);

describe('live events that must not get lost', () => {
  it('catches a reconnecting stream up from the last event id its browser saw', async () => {
    const me = await t.userWithRole('sales');
    const first = await openEventStream(url, me.cookie!);
    await first.next('ready');
    await notify(me.userId, 'Vor der Unterbrechung');
    const seen = await first.next('notification');
    expect(seen.id).toMatch(/^\d+$/);
    first.close();

    await notify(me.userId, 'Während der Unterbrechung 1');
    await notify(me.userId, 'Während der Unterbrechung 2');
    const again = await openEventStream(url, me.cookie!, { lastEventId: seen.id });
    try {
      await again.next('ready');
      expect(titlesOf(again.events)).toEqual(['Während der Unterbrechung 1', 'Während der Unterbrechung 2']);
    } finally {
      again.close();
    }
  });

  it('sends an event too large for one NOTIFY without failing the transaction that carries it', async () => {
    const me = await t.userWithRole('reception');
    const stream = await openEventStream(url, me.cookie!);
    try {
      await stream.next('ready');
      const data = { callId: 'gross', note: 'Straße '.repeat(2000) };
      await t.database.db.transaction((tx) => t.services.notifications.emit(tx, me.userId, 'call', data));
      expect((await stream.next('call')).data).toEqual(data);
    } finally {
      stream.close();
    }
  });
});

/**
 * The process's listening connection is ended by the database again and again while
 * notifications are published. The embedded PGlite has no connection to drop.
 */
describe.runIf(inject('engine') === 'postgres')('when PostgreSQL drops the listening connection', () => {
  /** Ends the process's listening connection as soon as it is there again; false if it never came back. */
  async function dropListener(): Promise<boolean> {
    for (let i = 0; i < 200; i++) {
      const [row] = await t.database.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`,
        [LISTENER_NAME],
      );
      if (row) {
        await t.database.query('SELECT pg_terminate_backend($1)', [row.pid]);
        return true;
      }
      await sleep(25);
    }
    return false;
  }

  it('delivers every notification to an open stream, each once, and tells it to reload its lists', async () => {
    const me = await t.userWithRole('sales');
    const stream = await openEventStream(url, me.cookie!);
    try {
      await stream.next('ready');
      let publishing = true;
      const published: string[] = [];
      const publisher = (async () => {
        for (let i = 1; publishing || i <= 20; i++) {
          const title = `Lead ${i}`;
          await notify(me.userId, title);
          published.push(title);
          await sleep(30);
        }
      })();
      const drops: boolean[] = [];
      for (let k = 0; k < 5; k++) {
        await sleep(200);
        drops.push(await dropListener());
      }
      publishing = false;
      await publisher;
      expect(drops).toEqual([true, true, true, true, true]);

      await expect
        .poll(() => titlesOf(stream.events).length, { timeout: 20_000, interval: 100 })
        .toBe(published.length);
      expect([...titlesOf(stream.events)].sort()).toEqual([...published].sort());
      expect(stream.events.some((e) => e.event === 'resync')).toBe(true);
    } finally {
      stream.close();
    }
  });
});
