import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@test/support/app';
import type { TestSmtpServer } from '@test/support/smtp-server';
import { startSmtpServer } from '@test/support/smtp-server';
import { buildApp } from '@server/app';
import { loadConfig } from '@server/config';

describe('mail outbox with an SMTP server', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'Autohaus Müller <crm@autohaus-mueller.test>' } });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('delivers a queued mail once its transaction commits, with German umlauts intact', async () => {
    const related = { type: 'request', id: '3f2c1a8e-1c2b-4d5e-9f60-7a8b9c0d1e2f' };
    const { id, status } = await t.database.db.transaction((tx) =>
      t.services.mail.enqueue(tx, {
        to: 'jürgen.schäfer@example.test',
        cc: ['verkauf@autohaus-mueller.test'],
        subject: 'Ihre Anfrage zum Golf – Rückruf von Frau Größmann',
        text: 'Sehr geehrter Herr Schäfer,\n\nvielen Dank für Ihre Anfrage. Grüße aus Göppingen!',
        html: '<p>Vielen Dank für Ihre Anfrage. Grüße aus Göppingen!</p>',
        related,
      }),
    );
    expect(status).toBe('pending');

    expect(await t.services.jobs.worker.runDue()).toBe(1);
    const mail = await smtp.waitForMessage((m) => m.parsed.subject?.includes('Golf') ?? false);
    expect(mail.parsed.subject).toBe('Ihre Anfrage zum Golf – Rückruf von Frau Größmann');
    expect(mail.parsed.text).toContain('Grüße aus Göppingen!');
    expect(mail.parsed.html).toContain('Grüße aus Göppingen!');
    expect(mail.rcptTo).toEqual(['jürgen.schäfer@example.test', 'verkauf@autohaus-mueller.test']);
    expect(mail.parsed.from?.value[0]).toMatchObject({ name: 'Autohaus Müller', address: 'crm@autohaus-mueller.test' });

    const stored = await t.services.mail.get(id);
    expect(stored).toMatchObject({ status: 'sent', attempts: 1, lastError: null, related });
    expect(stored?.messageId).toBe(mail.parsed.messageId);
    expect(stored?.sentAt?.toISOString()).toBe(t.clock.now().toISOString());
  });

  it('sends nothing when the change that queued the mail rolls back', async () => {
    const before = smtp.messages.length;
    await expect(
      t.database.db.transaction(async (tx) => {
        await t.services.mail.enqueue(tx, { to: 'kunde@example.test', subject: 'Nie versendet', text: '…' });
        throw new Error('saving the request failed');
      }),
    ).rejects.toThrow();
    expect(await t.services.jobs.worker.runDue()).toBe(0);
    expect(smtp.messages.length).toBe(before);
  });

  it('builds absolute links into the app for mails', () => {
    expect(t.services.mail.link('/requests/42')).toBe('http://localhost:3000/requests/42');
  });
});

describe('mail outbox while the SMTP server is down', () => {
  it('keeps the mail, retries with backoff and delivers it once the server is back', async () => {
    // Find a free port, then leave it closed: the server is "down".
    const smtp = await startSmtpServer();
    const port = smtp.port;
    await smtp.stop();
    const t = await createTestApp({ env: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
    try {
      const { id } = await t.database.db.transaction((tx) =>
        t.services.mail.enqueue(tx, {
          to: 'kundin@example.test',
          subject: 'Terminbestätigung für Ihre Inspektion',
          text: 'Bis Dienstag!',
        }),
      );
      await t.services.jobs.worker.runDue();
      const failed = await t.services.mail.get(id);
      expect(failed).toMatchObject({ status: 'pending', attempts: 1 });
      expect(failed?.lastError).toMatch(/ECONNREFUSED|connect/i);
      expect(failed?.nextAttemptAt?.getTime()).toBe(t.clock.now().getTime() + 60_000);

      // Not before the backoff has passed.
      expect(await t.services.jobs.worker.runDue()).toBe(0);

      await smtp.start(port);
      t.clock.advance(60_000);
      expect(await t.services.jobs.worker.runDue()).toBe(1);
      const mail = await smtp.waitForMessage((m) => m.parsed.subject === 'Terminbestätigung für Ihre Inspektion');
      expect(mail.rcptTo).toEqual(['kundin@example.test']);
      expect(await t.services.mail.get(id)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    } finally {
      await t.close();
      await smtp.stop();
    }
  });

  it('marks the mail failed after its last attempt', async () => {
    const probe = await startSmtpServer();
    const port = probe.port;
    await probe.stop();
    const t = await createTestApp({ env: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
    try {
      const { id } = await t.database.db.transaction((tx) =>
        t.services.mail.enqueue(tx, { to: 'kunde@example.test', subject: 'Unzustellbar', text: '…' }),
      );
      for (let attempt = 0; attempt < 8; attempt++) {
        await t.services.jobs.worker.runDue();
        t.clock.advance(3_600_000);
      }
      expect(await t.services.mail.get(id)).toMatchObject({ status: 'failed', attempts: 8, nextAttemptAt: null });
    } finally {
      await t.close();
    }
  });
});

describe('mail outbox without SMTP_URL', () => {
  it('holds mails with a warning and sends them once a worker with SMTP starts', async () => {
    const t = await createTestApp();
    const smtp = await startSmtpServer();
    try {
      const { id, status } = await t.database.db.transaction((tx) =>
        t.services.mail.enqueue(tx, { to: 'kunde@example.test', subject: 'Zurückgehalten', text: 'Später' }),
      );
      expect(status).toBe('held');
      expect(await t.services.jobs.worker.runDue()).toBe(0);
      expect(await t.services.mail.get(id)).toMatchObject({ status: 'held', attempts: 0 });

      // The same database, now served by a process that has SMTP configured.
      const config = loadConfig({ LOG_LEVEL: 'silent', SMTP_URL: smtp.url });
      const { app, services } = await buildApp({
        config,
        database: t.database,
        clock: t.clock,
        logger: pino({ level: 'silent' }),
      });
      await services.jobs.worker.start();
      await smtp.waitForMessage((m) => m.parsed.subject === 'Zurückgehalten');
      await services.jobs.worker.stop();
      await expect.poll(async () => (await services.mail.get(id))?.status).toBe('sent');
      await app.close();
    } finally {
      await smtp.stop();
      await t.close();
    }
  });
});
