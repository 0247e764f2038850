import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient, testLocation } from '@test/support/app';
import { newCustomer } from '../test-support';
import { letterPdf } from './sample-letter';
import { hasTesseract, imageOnlyPdf, scannedPng } from './test-files';

let t: TestApp;
let reception: TestClient & { userId: string };

const LETTER = [
  'Erika Brief',
  'Sehr geehrte Damen und Herren,',
  'hiermit reiche ich eine Reklamation ein.',
  'Die Lieferung meines Fahrzeugs wurde schon wieder verschoben.',
  'Mit freundlichen Grüßen',
];

beforeAll(async () => {
  t = await createTestApp();
  reception = await t.userWithRole('reception');
});
afterAll(() => t.close());

/** The letter form as the browser sends it: the scan under "file", the request's fields as JSON under "request". */
function letterForm(file: { name: string; type: string; content: Buffer } | null, fields: unknown) {
  const boundary = `----crm${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  if (fields !== undefined) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="request"\r\n\r\n${JSON.stringify(fields)}\r\n`,
      ),
    );
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  return {
    payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const fieldsFor = (app: TestApp, overrides: Record<string, unknown> = {}) => ({
  type: 'general',
  channel: 'letter',
  locationId: app.location.id,
  subject: 'Brief zur Lieferung',
  customer: newCustomer(),
  ...overrides,
});

function upload(
  client: TestClient,
  file: Parameters<typeof letterForm>[0],
  fields: unknown,
  key: string | null = crypto.randomUUID(),
) {
  const form = letterForm(file, fields);
  return client.request({
    method: 'POST',
    url: '/api/requests/letters',
    payload: form.payload,
    headers: { ...form.headers, ...(key ? { 'idempotency-key': key } : {}) },
  });
}

const pdfFile = async (lines = LETTER) => ({
  name: 'Brief.pdf',
  type: 'application/pdf',
  content: await letterPdf(lines),
});
const letterOf = async (client: TestClient, id: string) => (await client.get(`/api/requests/${id}/letter`)).json();
const requestCount = async (app: TestApp) =>
  Number((await app.database.query<{ n: number }>('SELECT count(*)::int AS n FROM customer_requests'))[0]!.n);

describe('a scanned letter at reception', () => {
  it('becomes a request on the letter channel with the scan attached; its text is read afterwards and found by search', async () => {
    const res = await upload(reception, await pdfFile(), fieldsFor(t));
    expect(res.statusCode, res.body).toBe(201);
    const request = res.json();
    expect(request).toMatchObject({ channel: 'letter', type: 'general', subject: 'Brief zur Lieferung' });
    const files = (await reception.get(`/api/requests/${request.id}/attachments`)).json();
    expect(files).toEqual([expect.objectContaining({ fileName: 'Brief.pdf', contentType: 'application/pdf' })]);

    // Reception does not wait for the reading: the request says it is being read.
    expect(await letterOf(reception, request.id)).toMatchObject({ status: 'pending', text: null });
    await t.services.jobs.worker.runDue();
    const letter = await letterOf(reception, request.id);
    expect(letter).toMatchObject({ status: 'read', source: 'text_layer', confidence: null, pages: 1, notes: [] });
    expect(letter.text).toContain('Die Lieferung meines Fahrzeugs wurde schon wieder verschoben.');
    // "Reklamation" in a general request: complaint is suggested, not set.
    expect(letter.suggestedType).toBe('complaint');
    expect((await reception.get(`/api/requests/${request.id}`)).json().type).toBe('general');

    const found = (await reception.get('/api/requests?scope=location&q=Lieferung%20verschoben')).json();
    expect(found.items.map((r: { id: string }) => r.id)).toEqual([request.id]);
    const none = (await reception.get('/api/requests?scope=location&q=Lieferung%20storniert')).json();
    expect(none.items).toEqual([]);
  });

  it('is created once however often the same upload arrives: the same key, or the same file soon after', async () => {
    const file = await pdfFile([...LETTER, 'Doppelt geklickt']);
    const fields = fieldsFor(t);
    const before = await requestCount(t);
    const first = await upload(reception, file, fields, 'brief-42');
    expect(first.statusCode, first.body).toBe(201);
    const again = await upload(reception, file, fields, 'brief-42');
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    // A retried upload from a reloaded form has a new key, but it is the same file.
    const reloaded = await upload(reception, file, fields, 'brief-43');
    expect(reloaded.json().id).toBe(first.json().id);
    expect(await requestCount(t)).toBe(before + 1);
  });

  it('names the field for a missing scan, a file that is no letter, and missing request fields', async () => {
    const missing = await upload(reception, null, fieldsFor(t));
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([expect.objectContaining({ field: 'file', code: 'required' })]);

    const text = await upload(
      reception,
      { name: 'brief.txt', type: 'text/plain', content: Buffer.from('Hallo') },
      fieldsFor(t),
    );
    expect(text.statusCode).toBe(415);
    expect(text.json().errors).toEqual([expect.objectContaining({ field: 'file', code: 'file_type_not_accepted' })]);

    const program = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510, 0x90)]);
    const disguised = await upload(
      reception,
      { name: 'brief.pdf', type: 'application/pdf', content: program },
      fieldsFor(t),
    );
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json().errors).toEqual([expect.objectContaining({ field: 'file' })]);

    const noSubject = await upload(reception, await pdfFile(['Ohne Betreff']), fieldsFor(t, { subject: '' }));
    expect(noSubject.statusCode).toBe(400);
    expect(noSubject.json().errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'subject' })]));
  });
});

describe('the search bar (Ctrl+K)', () => {
  const letterHits = async (client: TestClient, q: string) =>
    (
      (await client.get(`/api/search/letters?q=${encodeURIComponent(q)}`)).json().results as Array<
        Record<string, unknown>
      >
    ).filter((r) => r.type === 'request');

  it("keeps the search bar's customers and vehicles free of letters: those come from their own request", async () => {
    const lines = ['Sehr geehrte Damen und Herren,', 'die Anhängerkupplung rastet nicht mehr ein.'];
    const res = await upload(reception, await pdfFile(lines), fieldsFor(t, { subject: 'Brief Kupplung' }));
    expect(res.statusCode, res.body).toBe(201);
    await t.services.jobs.worker.runDue();
    const main = (await reception.get('/api/search?q=Anh%C3%A4ngerkupplung%20rastet')).json();
    expect(main.results.filter((r: { type: string }) => r.type === 'request')).toEqual([]);
    expect((await letterHits(reception, 'Anhängerkupplung rastet')).map((r) => r.id)).toEqual([res.json().id]);
  });

  it("finds a letter by a few words of its text, at the letter's location only", async () => {
    const lines = ['Sehr geehrte Damen und Herren,', 'der Scheibenwischer quietscht bei Regen fürchterlich.'];
    const res = await upload(reception, await pdfFile(lines), fieldsFor(t, { subject: 'Brief Wischer' }));
    expect(res.statusCode, res.body).toBe(201);
    const request = res.json();
    // Before the text is read there is nothing to find.
    expect(await letterHits(reception, 'Scheibenwischer quietscht')).toEqual([]);
    await t.services.jobs.worker.runDue();

    const hits = await letterHits(reception, 'wischer Regen quietscht');
    expect(hits).toEqual([
      expect.objectContaining({
        id: request.id,
        matchedOn: 'letter',
        title: `${request.number} · Brief Wischer`,
        contactId: request.contact.id,
      }),
    ]);
    expect(hits[0]!.subtitle).toContain('quietscht bei Regen');
    // Every word must be in it; and two letters are not enough to look into letters at all.
    expect(await letterHits(reception, 'Scheibenwischer Hagel')).toEqual([]);
    expect(await letterHits(reception, 'qu')).toEqual([]);

    const ulm = await t.services.org.createLocation(null, testLocation({ code: 'ULMB', name: 'Autohaus Ulm' }));
    const stranger = await t.userWithRole('manager', { locationId: ulm.id });
    expect(await letterHits(stranger, 'Scheibenwischer quietscht')).toEqual([]);
    const admin = await t.userWithRole('admin');
    expect((await letterHits(admin, 'Scheibenwischer quietscht')).map((r) => r.id)).toEqual([request.id]);
  });
});

describe.runIf(hasTesseract())('OCR of scanned letters (German, Tesseract)', () => {
  it('reads a photographed or scanned page', async () => {
    const png = await scannedPng(LETTER);
    const res = await upload(reception, { name: 'Scan.png', type: 'image/png', content: png }, fieldsFor(t));
    expect(res.statusCode, res.body).toBe(201);
    await t.services.jobs.worker.runDue();
    const letter = await letterOf(reception, res.json().id);
    expect(letter).toMatchObject({ status: 'read', source: 'ocr', pages: 1 });
    expect(letter.text).toContain('Reklamation');
    expect(letter.text).toContain('verschoben');
    expect(letter.confidence).toBeGreaterThan(60);
  });

  it('finds a scanned page in the search bar by words the OCR read', async () => {
    const png = await scannedPng(['Sehr geehrte Damen und Herren,', 'das Schiebedach klappert seit Montag.']);
    const res = await upload(reception, { name: 'Scan.png', type: 'image/png', content: png }, fieldsFor(t));
    expect(res.statusCode, res.body).toBe(201);
    await t.services.jobs.worker.runDue();
    expect(await letterOf(reception, res.json().id)).toMatchObject({ source: 'ocr' });
    const found = (await reception.get('/api/search/letters?q=Schiebedach%20klappert')).json();
    expect(
      found.results.filter((r: { type: string }) => r.type === 'request').map((r: { id: string }) => r.id),
    ).toEqual([res.json().id]);
  });

  it('reads a PDF of scanned pages without a text layer', async () => {
    const scan = await imageOnlyPdf([
      await scannedPng(['Sehr geehrte Damen und Herren,', 'meine Beschwerde betrifft die Werkstatt.']),
    ]);
    const res = await upload(reception, { name: 'Scan.pdf', type: 'application/pdf', content: scan }, fieldsFor(t));
    expect(res.statusCode, res.body).toBe(201);
    await t.services.jobs.worker.runDue();
    const letter = await letterOf(reception, res.json().id);
    expect(letter).toMatchObject({ status: 'read', source: 'ocr', pages: 1 });
    expect(letter.text).toContain('Beschwerde');
  });
});

describe('where Tesseract is not installed', () => {
  it('still creates the request, and the letter says why there is no text', async () => {
    const other = await createTestApp({ env: { CRM_TESSERACT: '/nicht/installiert/tesseract' } });
    try {
      const desk = await other.userWithRole('reception');
      const png = await scannedPng(['Reklamation']);
      const res = await upload(desk, { name: 'Scan.png', type: 'image/png', content: png }, fieldsFor(other));
      expect(res.statusCode, res.body).toBe(201);
      await other.services.jobs.worker.runDue();
      expect(await letterOf(desk, res.json().id)).toMatchObject({
        status: 'unread',
        text: null,
        notes: [{ key: 'ocrMissing', params: {} }],
      });
    } finally {
      await other.close();
    }
  });
});
