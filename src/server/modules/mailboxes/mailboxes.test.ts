import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROCESSED_KEYWORD } from '@shared/mailboxes/enums';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';
import { dovecotAvailable, type DovecotServer, startDovecot } from '@test/support/dovecot';
import * as mails from '@test/support/mails';
import { emailBouncedAt } from '@server/modules/contacts';
import { inboundMailsOfRequest, latestInboundMail } from './index';
import * as repo from './repo';

const run = dovecotAvailable();
const verkauf = { username: 'verkauf', password: 'verkauf-geheim' };
const info = { username: 'info', password: 'info-geheim' };
const service = { username: 'service', password: 'service-geheim' };

let t: TestApp;
let imap: DovecotServer;
let admin: TestClient;
let manager: TestClient;
const ids: Record<string, string> = {};

const PDF = Buffer.from('%PDF-1.4\n% Kostenvoranschlag\n%%EOF\n');

async function addMailbox(user: { username: string; password: string }, extra: Record<string, unknown> = {}) {
  const res = await admin.post('/api/mailboxes', {
    locationId: t.location.id,
    name: `Postfach ${user.username}`,
    address: `${user.username}@autohaus.example`,
    host: imap.host,
    port: imap.port,
    tls: false,
    username: user.username,
    secret: user.password,
    enabled: false,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

/** Reads a mailbox once, as "jetzt abrufen" does for a mailbox without a live reader. */
async function fetch(
  name: keyof typeof ids,
  options: Parameters<TestApp['services']['mailboxes']['passOnce']>[1] = {},
) {
  const row = (await repo.findMailbox(t.database.db, ids[name]!))!;
  return t.services.mailboxes.passOnce(row, options);
}

const requestOf = async (id: string) => (await admin.get(`/api/requests/${id}`)).json();
const inboundOf = (mailboxId: string) =>
  t.database.db.query.inboundEmails.findMany({ where: (m, { eq }) => eq(m.mailboxId, mailboxId) });

beforeAll(async () => {
  if (!run) return;
  imap = await startDovecot([verkauf, info, service]);
  t = await createTestApp({ env: { CRM_MAIL_IN: '0', CRM_MAIL_IN_MAX_MB: '1' } });
  admin = await t.userWithRole('admin');
  manager = await t.userWithRole('manager');
  ids.verkauf = await addMailbox(verkauf, {
    defaultType: 'sales_lead',
    typeRules: [{ kind: 'subject_word', value: 'Reklamation', type: 'complaint' }],
  });
  ids.info = await addMailbox(info);
  ids.service = await addMailbox(service, {
    defaultType: 'service_appointment',
    afterProcessing: 'move',
    moveToFolder: 'Erledigt',
  });
}, 60_000);
afterAll(async () => {
  await t?.close();
  await imap?.stop();
});

describe.runIf(run)('mailboxes read into requests', () => {
  it('shows mailboxes without their password; managers read, only admins change', async () => {
    const list = (await manager.get('/api/mailboxes')).json();
    expect(list.map((m: { address: string }) => m.address)).toContain('verkauf@autohaus.example');
    expect(JSON.stringify(list)).not.toContain('verkauf-geheim');
    expect(list[0].secretStored).toBe(true);
    expect((await manager.post('/api/mailboxes', {})).statusCode).toBe(403);
    const bad = await admin.post('/api/mailboxes/test', {
      host: imap.host,
      port: imap.port,
      tls: false,
      username: 'verkauf',
      secret: 'falsch',
    });
    expect(bad.json()).toMatchObject({ ok: false });
    const good = await admin.post('/api/mailboxes/test', {
      host: imap.host,
      port: imap.port,
      tls: false,
      username: 'verkauf',
      mailboxId: ids.verkauf,
    });
    expect(good.json()).toMatchObject({ ok: true });
    const invalid = await admin.post('/api/mailboxes', { name: 'x', port: 99999 });
    expect(invalid.statusCode).toBe(400);
  });

  it('changes only what a change names: a new password keeps the type rules, folder and acknowledgement', async () => {
    const id = await addMailbox(
      { username: 'aenderung', password: 'alt' },
      {
        department: 'sales',
        defaultType: 'sales_lead',
        typeRules: [{ kind: 'subject_word', value: 'Reklamation', type: 'complaint' }],
        afterProcessing: 'move',
        moveToFolder: 'Erledigt',
        acknowledge: true,
        pollSeconds: 120,
      },
    );
    const res = await admin.patch(`/api/mailboxes/${id}`, { secret: 'neu' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      department: 'sales',
      defaultType: 'sales_lead',
      typeRules: [{ kind: 'subject_word', value: 'Reklamation', type: 'complaint' }],
      afterProcessing: 'move',
      moveToFolder: 'Erledigt',
      acknowledge: true,
      enabled: false,
      pollSeconds: 120,
      folder: 'INBOX',
    });
  });

  it('makes a request of a mail, in the customer words, and flags it on the server', async () => {
    const text =
      'Guten Tag,\n\nich interessiere mich für den Golf 8 (Inserat 4711).\nIst er noch da?  \n\nGrüße\nErika Mustermann';
    const id = mails.messageId('golf');
    const [uid] = await imap.deliver(verkauf, [
      mails.alternativeMail({
        id,
        subject: 'Golf 8',
        text,
        html: `<p>ich interessiere mich</p><script>alert(1)</script><img src="http://tracker.example/x.gif">`,
      }),
    ]);
    expect(await fetch('verkauf')).toMatchObject({ seen: 1, stored: 1 });
    const [row] = await inboundOf(ids.verkauf!);
    expect(row).toMatchObject({ outcome: 'new_request', messageId: id, fromAddress: 'erika@kunde.example', text });
    expect(row!.html).not.toContain('script');
    expect(row!.html).not.toContain('tracker');
    const request = await requestOf(row!.requestId!);
    expect(request).toMatchObject({ channel: 'email', type: 'sales_lead', subject: 'Golf 8', message: text });
    const flags = await imap.flags(verkauf);
    expect([...flags.get(uid!)!]).toEqual(expect.arrayContaining(['\\Seen', PROCESSED_KEYWORD]));

    const shown = (await admin.get(`/api/requests/${request.id}/inbound-mails`)).json();
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ subject: 'Golf 8', text });
    const original = await admin.get(`/api/inbound-mails/${shown[0].id}/original`);
    expect(original.headers['content-type']).toContain('message/rfc822');
    expect(original.body).toContain(`Message-ID: ${id}`);
    expect(await latestInboundMail(t.database.db, request.id)).toMatchObject({ messageId: id, subject: 'Golf 8' });
  });

  it('takes the same mail sent to verkauf@ and info@ in as one request', async () => {
    const mail = mails.plainMail({
      subject: 'Reklamation Scheibenwischer',
      text: 'Der Wischer quietscht.',
      to: 'verkauf@autohaus.example, info@autohaus.example',
    });
    await imap.deliver(verkauf, [mail]);
    await imap.deliver(info, [mail]);
    await fetch('verkauf');
    await fetch('info');
    const a = (await inboundOf(ids.verkauf!)).at(-1)!;
    const [b] = await inboundOf(ids.info!);
    expect(b!.requestId).toBe(a.requestId);
    expect((await requestOf(a.requestId!)).type).toBe('complaint');
    expect(await inboundMailsOfRequest(t.database.db, a.requestId!)).toHaveLength(1);
  });

  it('puts a reply onto its request and reopens it when it was done', async () => {
    const first = mails.messageId('first');
    await imap.deliver(verkauf, [
      mails.plainMail({ id: first, subject: 'Probefahrt?', text: 'Kann ich Samstag probefahren?' }),
    ]);
    await fetch('verkauf');
    const requestId = (await inboundOf(ids.verkauf!)).at(-1)!.requestId!;
    const done = await admin.post(`/api/requests/${requestId}/status`, { status: 'done', outcome: 'Termin gemacht' });
    expect(done.statusCode, done.body).toBe(200);

    const reply = mails.plainMail({
      subject: 'Re: Probefahrt?',
      text: 'Doch lieber Sonntag.',
      headers: [`In-Reply-To: ${first}`, `References: ${first}`],
    });
    await imap.deliver(verkauf, [reply]);
    await fetch('verkauf');
    const stored = (await inboundOf(ids.verkauf!)).at(-1)!;
    expect(stored).toMatchObject({ outcome: 'added_to_request', requestId });
    const request = await requestOf(requestId);
    expect(request.status).toBe('in_progress');
    const events = (await admin.get(`/api/requests/${requestId}/events`)).json();
    expect(events.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['email_received', 'reopened']));
    const timeline = JSON.stringify((await admin.get(`/api/contacts/${request.contact.id}/timeline`)).json());
    expect(timeline).toContain('Doch lieber Sonntag.');
  });

  it('puts a mail naming the request number in its subject onto that request', async () => {
    await imap.deliver(verkauf, [mails.plainMail({ subject: 'Termin', text: 'Erster Kontakt' })]);
    await fetch('verkauf');
    const requestId = (await inboundOf(ids.verkauf!)).at(-1)!.requestId!;
    const { number } = await requestOf(requestId);
    await imap.deliver(verkauf, [
      mails.plainMail({
        from: 'Büro Mustermann <buero@firma.example>',
        subject: `Nachtrag [${number}]`,
        text: 'Noch eine Frage.',
      }),
    ]);
    await fetch('verkauf');
    expect((await inboundOf(ids.verkauf!)).at(-1)).toMatchObject({ outcome: 'added_to_request', requestId });
  });

  it('makes nothing of an out-of-office answer, and marks the address of a bounce', async () => {
    await imap.deliver(info, [mails.outOfOffice({})]);
    await fetch('info');
    expect((await inboundOf(ids.info!)).at(-1)).toMatchObject({ outcome: 'auto_reply', requestId: null });

    await imap.deliver(info, [
      mails.plainMail({ from: 'Hans Bauer <hans.bauer@kunde.example>', subject: 'Frage', text: 'Hallo' }),
    ]);
    await fetch('info');
    expect(await emailBouncedAt(t.database.db, 'hans.bauer@kunde.example')).toBeNull();
    await imap.deliver(info, [mails.bounce({ failed: 'hans.bauer@kunde.example' })]);
    await fetch('info');
    expect((await inboundOf(ids.info!)).at(-1)).toMatchObject({ outcome: 'bounce', requestId: null });
    expect(await emailBouncedAt(t.database.db, 'hans.bauer@kunde.example')).not.toBeNull();
  });

  it('reads German text in ISO-8859-1, HTML-only mails, attachments and forwards', async () => {
    const german =
      'Sehr geehrte Damen und Herren,\nmein Wagen läuft unruhig. Größe der Räder: 17". Grüße aus Fürth – Jürgen Weiß';
    await imap.deliver(service, [
      mails.latin1Mail({ subject: 'Öl-Wechsel für Jürgen', text: german.replace('–', '-') }),
      mails.htmlMail({
        subject: 'Nur HTML',
        html: '<html><body><p>Zeile&nbsp;eins</p><p>Zeile <b>zwei</b> &amp; drei</p></body></html>',
      }),
      mails.mailWithAttachments({
        subject: 'Kostenvoranschlag',
        text: 'Anbei der KVA.',
        files: [
          { name: 'kva.pdf', type: 'application/pdf', content: PDF },
          {
            name: 'virus.exe',
            type: 'application/octet-stream',
            content: Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'),
          },
        ],
      }),
      mails.forwardedMail({
        subject: 'WG: Angebot',
        text: 'Siehe unten.',
        original: mails.plainMail({ subject: 'Angebot', text: 'Das Angebot.' }),
      }),
    ]);
    await fetch('service');
    const rows = await inboundOf(ids.service!);
    expect(rows).toHaveLength(4);
    const [latin, html, withFiles, forward] = rows.sort((a, b) => a.uid - b.uid);
    expect(latin!.text).toContain('läuft unruhig. Größe der Räder: 17". Grüße aus Fürth - Jürgen Weiß');
    expect(latin!.subject).toBe('Öl-Wechsel für Jürgen');
    expect(html!.text).toMatch(/^Zeile\seins\n+Zeile zwei & drei$/);
    expect((await requestOf(html!.requestId!)).message).toContain('Zeile zwei & drei');
    const files = (await admin.get(`/api/requests/${withFiles!.requestId}/attachments`)).json();
    expect(files.map((f: { fileName: string }) => f.fileName)).toEqual(['kva.pdf']);
    expect(withFiles!.notes.join(' ')).toContain('virus.exe');
    expect((await requestOf(withFiles!.requestId!)).message).toContain('virus.exe');
    const forwarded = (await admin.get(`/api/requests/${forward!.requestId}/attachments`)).json();
    expect(forwarded.map((f: { contentType: string }) => f.contentType)).toEqual(['message/rfc822']);
    // Moved, not deleted: the folder is empty, the mails wait in "Erledigt".
    expect((await imap.flags(service)).size).toBe(0);
    expect((await imap.flags(service, 'Erledigt')).size).toBe(4);
  });

  it('keeps a broken and a too large mail raw, and the request says what could not be read', async () => {
    const huge = mails.plainMail({ subject: 'Riesig', text: 'x'.repeat(1_200_000) });
    await imap.deliver(info, [mails.brokenMail({ subject: 'Kaputt' }), huge]);
    await fetch('info');
    const [broken, large] = (await inboundOf(ids.info!)).slice(-2);
    expect(broken!.raw.length).toBeGreaterThan(0);
    expect(broken!.notes.join(' ')).toMatch(/keinen lesbaren Text|nicht gelesen/);
    expect(large).toMatchObject({ outcome: 'unreadable', subject: 'Riesig' });
    expect(large!.raw.length).toBe(Buffer.byteLength(huge));
    expect((await requestOf(large!.requestId!)).message).toContain('zu groß');
  });

  it('loses and duplicates nothing when the reader stops between commit and flag', async () => {
    const batch = Array.from({ length: 6 }, (_, i) =>
      mails.plainMail({ from: `kunde${i}@neu.example`, subject: `Anfrage ${i}`, text: `Text ${i}` }),
    );
    const uids = await imap.deliver(verkauf, batch);
    const before = (await inboundOf(ids.verkauf!)).length;
    let committed = 0;
    await expect(
      fetch('verkauf', {
        afterCommit: () => {
          committed += 1;
          if (committed === 3) throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    expect((await inboundOf(ids.verkauf!)).length).toBe(before + 3);
    const flags = await imap.flags(verkauf);
    expect(flags.get(uids[2]!)!.has(PROCESSED_KEYWORD)).toBe(false);

    const again = await fetch('verkauf');
    expect(again).toMatchObject({ seen: 4, stored: 3 });
    const rows = (await inboundOf(ids.verkauf!)).slice(before);
    expect(rows).toHaveLength(6);
    expect(new Set(rows.map((r) => r.requestId)).size).toBe(6);
    const after = await imap.flags(verkauf);
    for (const uid of uids) expect(after.get(uid)!.has(PROCESSED_KEYWORD)).toBe(true);
  });
});
