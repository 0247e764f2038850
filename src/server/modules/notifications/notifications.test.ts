import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestApp, type TestApp } from '@test/support/app';
import { buildApp } from '@server/app';
import { openPostgres } from '@server/db/client';
import { openEventStream } from './test-sse-client';

let t: TestApp;
let baseUrl: string;
beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(() => t.close());

const notify = (userId: string, title: string, extra: { link?: string; data?: Record<string, unknown> } = {}) =>
  t.database.db.transaction((tx) =>
    t.services.notifications.notify(tx, userId, {
      kind: 'request.assigned',
      title,
      body: 'Bitte heute zurückrufen.',
      ...extra,
    }),
  );

describe('notifications', () => {
  it('lists my notifications newest first, page by page, with the unread count', async () => {
    const me = await t.userWithRole('sales');
    const other = await t.userWithRole('sales');
    for (let i = 1; i <= 5; i++) {
      t.clock.advance(60_000);
      await notify(me.userId, `Neuer Lead ${i}`, { link: `/requests/${i}`, data: { n: i } });
    }
    await notify(other.userId, 'Nicht für mich');

    const first = await me.get('/api/notifications?limit=3');
    expect(first.statusCode).toBe(200);
    expect(first.json().items.map((n: { title: string }) => n.title)).toEqual([
      'Neuer Lead 5',
      'Neuer Lead 4',
      'Neuer Lead 3',
    ]);
    expect(first.json()).toMatchObject({ unreadCount: 5 });
    expect(first.json().items[0]).toMatchObject({
      kind: 'request.assigned',
      body: 'Bitte heute zurückrufen.',
      link: '/requests/5',
      data: { n: 5 },
      readAt: null,
    });

    const second = await me.get(`/api/notifications?limit=3&cursor=${first.json().nextCursor}`);
    expect(second.json().items.map((n: { title: string }) => n.title)).toEqual(['Neuer Lead 2', 'Neuer Lead 1']);
    expect(second.json().nextCursor).toBeNull();

    const bad = await me.get('/api/notifications?cursor=kaputt');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('cursor');
  });

  it('marks some, then all of my notifications read, and leaves others alone', async () => {
    const me = await t.userWithRole('service');
    const other = await t.userWithRole('service');
    const a = await notify(me.userId, 'Termin verschoben');
    t.clock.advance(1000);
    await notify(me.userId, 'Reklamation eingegangen');
    t.clock.advance(1000);
    await notify(me.userId, 'Teile eingetroffen');
    const foreign = await notify(other.userId, 'Fremde Nachricht');

    const some = await me.post('/api/notifications/read', { ids: [a.id, foreign.id] });
    expect(some.statusCode).toBe(200);
    expect(some.json()).toEqual({ updated: 1, unreadCount: 2 });
    expect((await me.get('/api/notifications/unread-count')).json()).toEqual({ unreadCount: 2 });
    const unread = await me.get('/api/notifications?unreadOnly=true');
    expect(unread.json().items.map((n: { title: string }) => n.title)).toEqual([
      'Teile eingetroffen',
      'Reklamation eingegangen',
    ]);

    expect((await me.post('/api/notifications/read', { all: true })).json()).toEqual({ updated: 2, unreadCount: 0 });
    expect((await other.get('/api/notifications/unread-count')).json()).toEqual({ unreadCount: 1 });

    const neither = await me.post('/api/notifications/read', {});
    expect(neither.statusCode).toBe(400);
    expect(neither.json().errors[0].field).toBe('ids');
  });
});

describe('live events over Server-Sent Events', () => {
  it('delivers a committed notification to my open stream within a second, and not to a colleague', async () => {
    const me = await t.userWithRole('reception');
    const colleague = await t.userWithRole('reception');
    const mine = await openEventStream(`${baseUrl}/api/events`, me.cookie!);
    const theirs = await openEventStream(`${baseUrl}/api/events`, colleague.cookie!);
    try {
      expect(mine.status).toBe(200);
      expect(mine.contentType).toContain('text/event-stream');
      expect((await mine.next('ready')).data).toEqual({ unreadCount: 0 });
      await theirs.next('ready');

      const sentAt = performance.now();
      const created = await notify(me.userId, 'Neuer Rückrufwunsch: Frau Öztürk', { link: '/requests/abc' });
      const received = await mine.next('notification', 1000);
      expect(received.at - sentAt).toBeLessThan(1000);
      expect(received.data).toEqual(created);

      await me.post('/api/notifications/read', { ids: [created.id] });
      expect((await mine.next('notifications.read')).data).toEqual({ ids: [created.id], unreadCount: 0 });
      expect(theirs.events.filter((e) => e.event !== 'ready')).toEqual([]);
    } finally {
      mine.close();
      theirs.close();
    }
  });

  it('still delivers to my open stream when another listener of mine fails on the event', async () => {
    const me = await t.userWithRole('reception');
    const failing = await t.services.notifications.subscribe(me.userId, () => {
      throw new Error('this tab is gone');
    });
    const stream = await openEventStream(`${baseUrl}/api/events`, me.cookie!);
    try {
      await stream.next('ready');
      const created = await notify(me.userId, 'Rückruf: Herr Wagner');
      expect((await stream.next('notification', 1000)).data).toEqual(created);
    } finally {
      stream.close();
      failing();
    }
  });

  it('delivers nothing for a notification whose transaction rolled back', async () => {
    const me = await t.userWithRole('parts');
    const stream = await openEventStream(`${baseUrl}/api/events`, me.cookie!);
    try {
      await stream.next('ready');
      await expect(
        t.database.db.transaction(async (tx) => {
          await t.services.notifications.notify(tx, me.userId, { kind: 'x', title: 'Nie geschehen' });
          throw new Error('rolled back');
        }),
      ).rejects.toThrow();
      await notify(me.userId, 'Danach');
      expect(((await stream.next('notification')).data as { title: string }).title).toBe('Danach');
      expect(stream.events.filter((e) => e.event === 'notification')).toHaveLength(1);
      expect((await me.get('/api/notifications')).json().items).toHaveLength(1);
    } finally {
      stream.close();
    }
  });

  it('delivers a notification too large for one NOTIFY by reference', async () => {
    const me = await t.userWithRole('manager');
    const stream = await openEventStream(`${baseUrl}/api/events`, me.cookie!);
    try {
      await stream.next('ready');
      const created = await notify(me.userId, 'Lange Nachricht', { data: { text: 'ä'.repeat(6000) } });
      expect((await stream.next('notification')).data).toEqual(created);
    } finally {
      stream.close();
    }
  });

  it('ends open streams when the server shuts down, without waiting for clients', async () => {
    const other = await createTestApp();
    await other.app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(other.app.server.address() as AddressInfo).port}/api/events`;
    const user = await other.userWithRole('sales');
    const stream = await openEventStream(url, user.cookie!);
    await stream.next('ready');
    const started = performance.now();
    await other.app.close();
    await stream.ended;
    expect(performance.now() - started).toBeLessThan(3000);
    await other.database.close();
  });

  it.runIf(inject('engine') === 'postgres')(
    'reaches a stream opened on another server process within a second',
    async () => {
      const database = openPostgres(t.database.pool!.options.connectionString!, 3);
      const b = await buildApp({ config: t.config, database, clock: t.clock, logger: pino({ level: 'silent' }) });
      try {
        await b.app.listen({ port: 0, host: '127.0.0.1' });
        const urlB = `http://127.0.0.1:${(b.app.server.address() as AddressInfo).port}/api/events`;
        const me = await t.userWithRole('sales'); // logged in on A; the session lives in the shared database
        const stream = await openEventStream(urlB, me.cookie!);
        try {
          await stream.next('ready');
          const sentAt = performance.now();
          const created = await notify(me.userId, 'Lead aus dem Portal zugewiesen');
          const received = await stream.next('notification', 1000);
          expect(received.at - sentAt).toBeLessThan(1000);
          expect(received.data).toEqual(created);
        } finally {
          stream.close();
        }
      } finally {
        await b.app.close();
        await database.close();
      }
    },
  );
});
