import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';
import { upload } from './test-support';

/*
 * An export from an old system may hold bytes the database cannot store (a NUL character in a
 * cell, in a column header, in the file's name) or dates no customer has. The import goes on:
 * the bad characters are removed and noted on the row, an impossible date rejects its row with
 * a reason. Either used to fail the upload or the whole import with a 500.
 */

let t: TestApp;
let admin: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.userWithRole('admin');
});
afterAll(() => t.close());

type Row = { row: number; action: string; reasons: Array<{ field: string; message: string }>; contactId?: string };

describe('contact import of cells the database cannot store', () => {
  it('imports the rows without the NUL characters, notes them on the row, and rejects only the impossible date', async () => {
    const csv =
      'Vorname;Nach\u0000name;Mobil;Geburtsdatum;Notiz\r\n' +
      'Jür\u0000gen;Schmid;0171 1112223;15.03.1970;Stammkunde\u0000\r\n' +
      'Anna;Alt;0171 2223334;01.01.1850;\r\n' +
      'Eva;Neu;0171 3334445;;\r\n';
    const uploaded = await upload(admin, 'contacts', 'kunden\u0000.csv', Buffer.from(csv));
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const { id, headers, suggestedMapping } = uploaded.json();
    expect(headers).toContain('Nachname');
    const mapping = { ...suggestedMapping, Notiz: 'notes' };

    const dryRun = await admin.post(`/api/imports/${id}/dry-run`, { mapping, duplicateHandling: 'create' });
    const rows = Object.fromEntries((dryRun.json().rows as Row[]).map((r) => [r.row, r]));
    expect(rows[2]!.reasons).toContainEqual(
      expect.objectContaining({ field: 'firstName', message: expect.stringContaining('entfernt') }),
    );
    expect(rows[3]).toMatchObject({
      action: 'reject',
      reasons: [expect.objectContaining({ field: 'dateOfBirth', message: expect.stringContaining('1900') })],
    });

    const applied = await admin.post(`/api/imports/${id}/apply`, { mapping, duplicateHandling: 'create' });
    expect(applied.statusCode, applied.body).toBe(202);
    await t.services.imports.idle();
    const job = (await admin.get(`/api/imports/${id}`)).json();
    expect(job).toMatchObject({ status: 'done', fileName: 'kunden.csv', totals: { create: 2, reject: 1 } });

    const [schmid] = await t.database.query<{ first_name: string; notes: string }>(
      `SELECT first_name, notes FROM contacts WHERE last_name = 'Schmid'`,
    );
    expect(schmid).toEqual({ first_name: 'Jürgen', notes: 'Stammkunde' });
  });
});
