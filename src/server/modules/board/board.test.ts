import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEvent } from '@server/modules/notifications';
import { createContact } from '@server/modules/vehicles/test-factories';
import { createTestApp, type TestApp, type TestClient, testLocation } from '@test/support/app';
import { multipartForm, SAMPLE_EXE, SAMPLE_PDF, SAMPLE_PNG } from '@test/support/multipart';

type User = TestClient & { userId: string; email: string };
interface Channel {
  id: string;
  kind: string;
  locationId: string | null;
  department: string | null;
  unread: number;
}

let t: TestApp;
let reception: User;
let manager: User;
let sales: User;
let elsewhere: User;
let elsewhereLocationId: string;

beforeAll(async () => {
  t = await createTestApp();
  reception = await t.userWithRole('reception');
  manager = await t.userWithRole('manager');
  sales = await t.userWithRole('sales');
  const ulm = await t.services.org.createLocation(
    null,
    testLocation({ name: 'Autohaus Test Ulm', code: 'ULM', city: 'Ulm', email: 'ulm@example.test' }),
  );
  elsewhereLocationId = ulm.id;
  elsewhere = await t.userWithRole('sales', { locationId: ulm.id });
});
afterAll(() => t.close());

const channelsOf = async (u: TestClient): Promise<Channel[]> => (await u.get('/api/board/channels')).json().items;
const locationChannel = async (u: TestClient, locationId = t.location.id) =>
  (await channelsOf(u)).find((c) => c.kind === 'location' && c.locationId === locationId)!;
const tick = () => t.clock.set(new Date(t.clock.now().getTime() + 60_000));

async function startThread(u: TestClient, channelId: string, body: Record<string, unknown>) {
  const res = await u.post(`/api/board/channels/${channelId}/threads`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; title: string };
}

describe('channels', () => {
  it("shows everyone the group's channel and their own location's, and a manager the location's departments", async () => {
    const own = await channelsOf(reception);
    expect(own.map((c) => c.kind)).toEqual(['group', 'location']);
    expect(own[1]!.locationId).toBe(t.location.id);
    const managers = await channelsOf(manager);
    expect(managers.filter((c) => c.kind === 'department').every((c) => c.locationId === t.location.id)).toBe(true);
    expect(managers.some((c) => c.kind === 'department')).toBe(true);
  });

  it("lists the channel's readers to @mention, and only to those who read it", async () => {
    const channel = await locationChannel(reception);
    const res = await reception.get(`/api/board/channels/${channel.id}/readers`);
    expect(res.statusCode).toBe(200);
    const ids = (res.json().items as Array<{ id: string }>).map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining([reception.userId, manager.userId, sales.userId]));
    expect(ids).not.toContain(elsewhere.userId);
    expect((await elsewhere.get(`/api/board/channels/${channel.id}/readers`)).statusCode).toBe(403);
  });

  it("keeps another location's channel closed to a colleague from elsewhere", async () => {
    const channel = await locationChannel(reception);
    expect((await elsewhere.get(`/api/board/channels/${channel.id}/threads`)).statusCode).toBe(403);
    const posted = await elsewhere.post(`/api/board/channels/${channel.id}/threads`, { title: 'x', body: 'y' });
    expect(posted.statusCode).toBe(403);
    expect((await channelsOf(elsewhere)).some((c) => c.id === channel.id)).toBe(false);
  });
});

describe('threads and replies', () => {
  it('counts a colleague’s new posts as unread until the channel is opened; one’s own never', async () => {
    const channel = await locationChannel(reception);
    await sales.post(`/api/board/channels/${channel.id}/read`);
    tick();
    const thread = await startThread(reception, channel.id, {
      title: 'Kaffeemaschine im Showroom',
      body: 'Ist wieder repariert.',
    });
    tick();
    await reception.post(`/api/board/threads/${thread.id}/posts`, { body: 'Bitte nur mit Wasser aus dem Kanister.' });
    expect((await locationChannel(sales)).unread).toBe(2);
    expect((await locationChannel(reception)).unread).toBe(0);
    await sales.post(`/api/board/channels/${channel.id}/read`);
    expect((await locationChannel(sales)).unread).toBe(0);

    const page = (await sales.get(`/api/board/channels/${channel.id}/threads`)).json();
    expect(page.items[0]).toMatchObject({
      title: 'Kaffeemaschine im Showroom',
      posts: 2,
      preview: 'Ist wieder repariert.',
    });
    const opened = (await sales.get(`/api/board/threads/${thread.id}`)).json();
    expect(opened.items.map((p: { body: string }) => p.body)).toEqual([
      'Ist wieder repariert.',
      'Bitte nur mit Wasser aus dem Kanister.',
    ]);
  });

  it('refuses a thread without title or text, naming both', async () => {
    const channel = await locationChannel(reception);
    const res = await reception.post(`/api/board/channels/${channel.id}/threads`, { title: ' ', body: '' });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['body', 'title']);
  });

  it('pages a long channel, newest activity first, without repeating a thread', async () => {
    const channel = (await channelsOf(elsewhere)).find((c) => c.kind === 'location')!;
    for (let i = 1; i <= 5; i++) {
      tick();
      await startThread(elsewhere, channel.id, { title: `Thema ${i}`, body: `Text ${i}` });
    }
    const first = (await elsewhere.get(`/api/board/channels/${channel.id}/threads?limit=3`)).json();
    const second = (
      await elsewhere.get(`/api/board/channels/${channel.id}/threads?limit=3&cursor=${first.nextCursor}`)
    ).json();
    expect([...first.items, ...second.items].map((x: { title: string }) => x.title)).toEqual([
      'Thema 5',
      'Thema 4',
      'Thema 3',
      'Thema 2',
      'Thema 1',
    ]);
    expect(second.nextCursor).toBeNull();
  });
});

describe('mentions, reactions and live updates', () => {
  it('notifies a mentioned colleague and tells every reader of the channel live', async () => {
    const channel = await locationChannel(reception);
    const heard: LiveEvent[] = [];
    const stop = await t.services.notifications.subscribe(manager.userId, (e) => heard.push(e));
    const thread = await startThread(reception, channel.id, {
      title: 'Schlüssel Vorführwagen',
      body: 'Wer hat den Schlüssel vom ID.4?',
      mentions: [manager.userId],
    });
    await expect.poll(() => heard.map((e) => e.type)).toContain('board.post');
    expect(heard.find((e) => e.type === 'board.post')!.data).toMatchObject({ threadId: thread.id });
    await expect.poll(() => heard.some((e) => e.type === 'notification')).toBe(true);
    stop();
    const notes = (await manager.get('/api/notifications')).json().items;
    expect(notes[0]).toMatchObject({ kind: 'board.mention', link: `/board/threads/${thread.id}` });
    expect(notes[0].title).toContain('Schlüssel Vorführwagen');
    const opened = (await reception.get(`/api/board/threads/${thread.id}`)).json();
    expect(opened.items[0].mentions).toEqual([{ id: manager.userId, name: expect.stringContaining('Tester') }]);
  });

  it('refuses to mention a colleague who does not read the channel', async () => {
    const channel = await locationChannel(reception);
    const res = await reception.post(`/api/board/channels/${channel.id}/threads`, {
      title: 'Frage',
      body: 'Kennt jemand …',
      mentions: [elsewhere.userId],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'mentions', code: 'mention_not_reader' });
  });

  it('counts reactions and takes one back on a second click', async () => {
    const channel = await locationChannel(reception);
    const thread = await startThread(reception, channel.id, { title: 'Umsatz November', body: 'Rekordmonat!' });
    const postId = (await reception.get(`/api/board/threads/${thread.id}`)).json().items[0].id;
    await sales.post(`/api/board/posts/${postId}/reactions`, { emoji: '👍' });
    const both = (await manager.post(`/api/board/posts/${postId}/reactions`, { emoji: '👍' })).json();
    expect(both.reactions).toEqual([{ emoji: '👍', count: 2, mine: true }]);
    const back = (await manager.post(`/api/board/posts/${postId}/reactions`, { emoji: '👍' })).json();
    expect(back.reactions).toEqual([{ emoji: '👍', count: 1, mine: false }]);
    expect((await sales.post(`/api/board/posts/${postId}/reactions`, { emoji: '💩' })).statusCode).toBe(400);
  });
});

describe('search and customers', () => {
  it('finds posts and titles by their words, only in the channels the reader reads', async () => {
    const channel = await locationChannel(reception);
    await startThread(reception, channel.id, { title: 'Hebebühne 3', body: 'Die Hebebühne quietscht beim Absenken.' });
    const found = (await sales.get(`/api/board/search?q=${encodeURIComponent('quietscht')}`)).json();
    expect(found.items[0]).toMatchObject({ title: 'Hebebühne 3', excerpt: expect.stringContaining('quietscht') });
    const byTitle = (await sales.get('/api/board/search?q=Hebeb%C3%BChne%203')).json();
    expect(byTitle.items.some((i: { postId: string | null }) => i.postId === null)).toBe(true);
    expect((await elsewhere.get('/api/board/search?q=quietscht')).json().items).toEqual([]);
  });

  it('links a thread to a customer: the record lists it; an unknown customer is refused', async () => {
    const contact = await createContact(t, reception, 'Brandt');
    const channel = await locationChannel(reception);
    const thread = await startThread(reception, channel.id, {
      title: 'Herr Brandt und die Winterreifen',
      body: 'Er kommt Freitag.',
      contactId: contact.id,
    });
    const listed = (await manager.get(`/api/contacts/${contact.id}/board-threads`)).json().items;
    expect(listed).toEqual([
      expect.objectContaining({ id: thread.id, contact: expect.objectContaining({ id: contact.id }) }),
    ]);
    const unknown = await reception.post(`/api/board/channels/${channel.id}/threads`, {
      title: 'x',
      body: 'y',
      contactId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.json().errors[0]).toMatchObject({ field: 'contactId', code: 'unknown_contact' });
  });

  it('takes an internal message to the board once: titled by customer, opening with the message quoted', async () => {
    const contact = await createContact(t, reception, 'Kaiser');
    const messageId = '11111111-1111-4111-8111-111111111111';
    const message = {
      messageId,
      locationId: t.location.id,
      contactId: contact.id,
      customerNumber: contact.customerNumber,
      customerName: 'Kaiser, Test',
      text: 'Hat im Showroom geraucht.\nHausordnung §4.',
      authorId: reception.userId,
    };
    const first = await t.database.db.transaction((tx) => t.services.board.threadFromMessageIn(tx, message));
    const again = await t.database.db.transaction((tx) => t.services.board.threadFromMessageIn(tx, message));
    expect(again).toEqual({ threadId: first.threadId, created: false });
    const thread = (await manager.get(`/api/board/threads/${first.threadId}`)).json();
    expect(thread).toMatchObject({ title: `${contact.customerNumber} · Kaiser, Test`, messageId });
    expect(thread.items[0].body).toBe('> Hat im Showroom geraucht.\n> Hausordnung §4.');
    expect(elsewhereLocationId).not.toBe(t.location.id);
  });
});

describe('files on posts', () => {
  const withFiles = (
    u: TestClient,
    url: string,
    fields: Record<string, string>,
    files: Parameters<typeof multipartForm>[1],
  ) => u.request({ method: 'POST', url, ...multipartForm(fields, files) });
  const documentCount = async () =>
    Number(
      (
        await t.database.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM documents WHERE owner_type = 'board_post'",
        )
      )[0]!.n,
    );

  it('carries a photo and a PDF with a reply; the channel’s readers download them, a colleague from elsewhere may not', async () => {
    const channel = await locationChannel(reception);
    const thread = await startThread(reception, channel.id, {
      title: 'Hagelschaden Vorführwagen',
      body: 'Bitte ansehen.',
    });
    const res = await withFiles(
      sales,
      `/api/board/threads/${thread.id}/posts/with-files`,
      { body: 'Fotos und Gutachten anbei.', mentions: JSON.stringify([reception.userId]) },
      [
        { name: 'Gutachten Müller.pdf', type: 'application/pdf', content: SAMPLE_PDF },
        { name: 'Dach.png', type: 'image/png', content: SAMPLE_PNG },
      ],
    );
    expect(res.statusCode, res.body).toBe(201);
    const post = res.json();
    expect(post.mentions.map((m: { id: string }) => m.id)).toEqual([reception.userId]);
    expect(post.attachments.map((a: { fileName: string }) => a.fileName)).toEqual(
      ['Dach.png', 'Gutachten Müller.pdf'].sort(),
    );

    // The thread shows the files with the post.
    const shown = (await manager.get(`/api/board/threads/${thread.id}`)).json();
    const reply = shown.items.find((p: { id: string }) => p.id === post.id);
    const pdf = reply.attachments.find((a: { fileName: string }) => a.fileName.endsWith('.pdf'));
    expect(pdf).toMatchObject({ contentType: 'application/pdf', size: SAMPLE_PDF.length });

    const download = await manager.get(`/api/documents/${pdf.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(SAMPLE_PDF)).toBe(true);
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    expect((await elsewhere.get(`/api/documents/${pdf.id}`)).statusCode).toBe(403);
  });

  it('starts a thread whose first post carries a file', async () => {
    const channel = await locationChannel(reception);
    const res = await withFiles(
      reception,
      `/api/board/channels/${channel.id}/threads/with-files`,
      { title: 'Neue Preisliste Zubehör', body: 'Gilt ab Montag.' },
      [{ name: 'Preisliste.pdf', type: 'application/pdf', content: SAMPLE_PDF }],
    );
    expect(res.statusCode, res.body).toBe(201);
    const thread = (await sales.get(`/api/board/threads/${res.json().id}`)).json();
    expect(thread.items[0].attachments).toEqual([expect.objectContaining({ fileName: 'Preisliste.pdf' })]);
  });

  it('refuses a program and a post without text, naming the field, and stores nothing of either', async () => {
    const channel = await locationChannel(reception);
    const thread = await startThread(reception, channel.id, { title: 'Werkstatt-Tool', body: 'Wer hat das Programm?' });
    const before = (await sales.get(`/api/board/threads/${thread.id}`)).json().posts;
    const filesBefore = await documentCount();

    const program = await withFiles(sales, `/api/board/threads/${thread.id}/posts/with-files`, { body: 'Hier.' }, [
      { name: 'diagnose.pdf.exe', type: 'application/pdf', content: SAMPLE_EXE },
    ]);
    expect(program.statusCode).toBe(415);
    expect(program.json().errors[0].field).toBe('files.0');

    const empty = await withFiles(sales, `/api/board/threads/${thread.id}/posts/with-files`, { body: ' ' }, [
      { name: 'Preisliste.pdf', type: 'application/pdf', content: SAMPLE_PDF },
    ]);
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].field).toBe('body');

    const json = await sales.post(`/api/board/threads/${thread.id}/posts/with-files`, { body: 'kein Formular' });
    expect(json.statusCode).toBe(400);

    expect((await sales.get(`/api/board/threads/${thread.id}`)).json().posts).toBe(before);
    expect(await documentCount()).toBe(filesBefore);
  });

  it('lets no one from another location post files into the channel', async () => {
    const channel = await locationChannel(reception);
    const thread = await startThread(reception, channel.id, { title: 'Intern', body: 'Nur München.' });
    const res = await withFiles(elsewhere, `/api/board/threads/${thread.id}/posts/with-files`, { body: 'Ich auch.' }, [
      { name: 'Preisliste.pdf', type: 'application/pdf', content: SAMPLE_PDF },
    ]);
    expect(res.statusCode).toBe(403);
  });
});
