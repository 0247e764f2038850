import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';
import { dovecotAvailable, type DovecotServer, startDovecot } from '@test/support/dovecot';
import * as mails from '@test/support/mails';
import * as repo from './repo';

const run = dovecotAvailable();
const user = { username: 'live', password: 'live-geheim' };
let t: TestApp;
let imap: DovecotServer;
let admin: TestClient;

async function until<T>(what: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await what();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  if (!run) return;
  imap = await startDovecot([user]);
  t = await createTestApp({ env: { CRM_MAIL_IN: '0' } });
  admin = await t.userWithRole('admin');
}, 60_000);
afterAll(async () => {
  await t?.services.mailboxes.readers.stopAll();
  await t?.close();
  await imap?.stop();
});

const mailbox = (extra: Record<string, unknown>) =>
  admin.post('/api/mailboxes', {
    locationId: t.location.id,
    name: 'Live',
    address: 'live@autohaus.example',
    host: imap.host,
    port: imap.port,
    tls: false,
    username: user.username,
    secret: user.password,
    pollSeconds: 600,
    ...extra,
  });

describe.runIf(run)('a mailbox read live', () => {
  it('takes a new mail in as it arrives (IDLE) and shows itself connected', async () => {
    const id = (await mailbox({})).json().id as string;
    await t.services.mailboxes.readers.refresh(id);
    const connected = await until(
      () => admin.get(`/api/mailboxes/${id}`),
      (r) => r.json().state === 'connected',
    );
    expect(connected.json().state).toBe('connected');
    await imap.deliver(user, [mails.plainMail({ subject: 'Live', text: 'Gerade eben geschrieben.' })]);
    const rows = await until(
      () => t.database.db.query.inboundEmails.findMany({ where: (m, { eq }) => eq(m.mailboxId, id) }),
      (r) => r.length === 1,
    );
    expect(rows[0]).toMatchObject({ outcome: 'new_request', subject: 'Live' });
    const shown = await until(
      () => admin.get(`/api/mailboxes/${id}`),
      (r) => r.json().lastMailAt !== null,
    );
    expect(shown.json().lastMailAt).not.toBeNull();
    await t.services.mailboxes.readers.stopAll();
    expect((await repo.findMailbox(t.database.db, id))?.leaseHolder).toBeNull();
  });

  it('survives a server that talks nonsense and hangs up: the mailbox shows the error', async () => {
    const hostile = net.createServer((socket) => {
      socket.on('error', () => {});
      socket.write('* OK hostile\r\n');
      socket.on('data', () => {
        socket.write('\x00\xff* BYE garbage {99999999}\r\n');
        socket.destroy();
      });
    });
    await new Promise<void>((r) => hostile.listen(0, '127.0.0.1', () => r()));
    const port = (hostile.address() as net.AddressInfo).port;
    const id = (await mailbox({ name: 'Feindlich', address: 'x@autohaus.example', port })).json().id as string;
    await t.services.mailboxes.readers.refresh(id);
    const shown = await until(
      () => admin.get(`/api/mailboxes/${id}`),
      (r) => r.json().state === 'error',
    );
    expect(shown.json()).toMatchObject({ state: 'error' });
    expect(shown.json().lastError).toBeTruthy();
    await t.services.mailboxes.readers.stopAll();
    hostile.close();
  });
});
