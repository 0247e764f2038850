import '../test-polyfills';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { stubFetch } from '@web/test/fetch-stub';
import { adminUser, locations, salesUser, session } from '@web/test/fixtures';
import { renderApp } from '@web/test/render';

// The page is loaded lazily; the first render of its chunk takes a moment in jsdom.
const firstRender = { timeout: 15_000 };
const IMPORT_ID = '5a2c9e10-7b3d-4f6a-8c1e-2000000000bb';

const uploadAnswer = {
  id: IMPORT_ID,
  target: 'contacts',
  format: 'csv',
  fileName: 'kunden.csv',
  headers: ['Nachname', 'E-Mail', 'Notiz'],
  sampleRows: [
    ['Müller', 'mueller@example.de', 'Stammkunde'],
    ['Schmidt', 'schmidt(at)example', ''],
  ],
  suggestedMapping: { Nachname: 'lastName', 'E-Mail': 'email' },
  totalRows: 3,
  fields: [
    { key: 'lastName', label: 'Nachname', required: true },
    { key: 'email', label: 'E-Mail', required: false },
    { key: 'note', label: 'Notiz', required: false },
  ],
};

const dryRunAnswer = {
  dryRun: true,
  totals: { create: 1, update: 1, skip: 0, reject: 1 },
  rows: [
    { row: 2, action: 'create', reasons: [] },
    {
      row: 3,
      action: 'reject',
      reasons: [
        { field: 'email', column: 'E-Mail', message: 'Ungültige E-Mail-Adresse' },
        { field: 'email', column: null, message: 'Zweite Adresse fehlt' },
        { field: 'phone', column: 'tel', message: 'Keine Rufnummer' },
      ],
    },
    { row: 4, action: 'update', reasons: [] },
  ],
};

function job(status: string, processedRows: number) {
  return {
    id: IMPORT_ID,
    target: 'contacts',
    format: 'csv',
    fileName: 'kunden.csv',
    status,
    headers: uploadAnswer.headers,
    mapping: uploadAnswer.suggestedMapping,
    duplicateHandling: 'update',
    totalRows: 3,
    processedRows,
    totals: status === 'done' ? { create: 1, update: 1, skip: 0, reject: 1 } : null,
    dryRun: false,
    error: null,
    createdAt: '2026-11-24T08:00:00.000Z',
    finishedAt: null,
  };
}

function stubApp() {
  let polls = 0;
  return stubFetch({
    'GET /api/auth/session': session(adminUser),
    'GET /api/locations': { body: locations },
    'POST /api/imports': { status: 201, body: uploadAnswer },
    [`POST /api/imports/${IMPORT_ID}/dry-run`]: { body: dryRunAnswer },
    [`POST /api/imports/${IMPORT_ID}/apply`]: { status: 202, body: job('applying', 0) },
    [`GET /api/imports/${IMPORT_ID}`]: () => ({ body: polls++ === 0 ? job('applying', 1) : job('done', 3) }),
  });
}

async function uploadFile() {
  const user = userEvent.setup({ delay: null });
  await screen.findByRole('button', { name: 'Datei auswählen' }, firstRender);
  const input = document.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error('no file input');
  await user.upload(input, new File(['Nachname;E-Mail;Notiz\n'], 'kunden.csv', { type: 'text/csv' }));
  await user.click(screen.getByRole('button', { name: 'Hochladen' }));
  return user;
}

describe('ImportPage', { timeout: 60_000 }, () => {
  it('walks from upload through the column mapping to a dry run that explains a rejected row', async () => {
    const { fetchMock, requests } = stubApp();
    renderApp('/customers/import');
    const user = await uploadFile();

    // The mapping step preselects the suggested fields and leaves the rest out.
    expect(await screen.findByLabelText('Feld im CRM: Nachname', { selector: 'input' })).toHaveValue('Nachname *');
    expect(screen.getByLabelText('Feld im CRM: Notiz', { selector: 'input' })).toHaveValue('nicht importieren');
    expect(screen.getByText('mueller@example.de · schmidt(at)example')).toBeInTheDocument();

    const upload = fetchMock.mock.calls.find(([url]) => String(url) === '/api/imports');
    const init = upload?.[1] as RequestInit;
    expect(init.body).toBeInstanceOf(FormData);
    expect((init.body as FormData).get('target')).toBe('contacts');
    expect(init.headers).toMatchObject({ 'X-CSRF-Token': 'csrf-test-token' });
    expect(init.headers).not.toHaveProperty('Content-Type');

    await user.click(screen.getByRole('radio', { name: /aktualisieren/ }));
    await user.click(screen.getByRole('button', { name: 'Probelauf starten' }));

    expect(await screen.findByText('Ungültige E-Mail-Adresse')).toBeInTheDocument();
    const rows = screen.getAllByRole('row');
    // Rejected rows come first; the header row is rows[0].
    expect(within(rows[1]!).getByText('abgelehnt')).toBeInTheDocument();
    expect(within(rows[1]!).getAllByText('E-Mail:')).toHaveLength(2);
    // The CRM's names for the fields, never the internal ones ("email:", "phone:").
    expect(within(rows[1]!).getByText('Telefon (Spalte „tel“):')).toBeInTheDocument();
    expect(within(rows[1]!).queryByText(/^(email|phone):/)).toBeNull();
    expect(screen.getByRole('link', { name: 'Bericht herunterladen (CSV)' })).toHaveAttribute(
      'href',
      `/api/imports/${IMPORT_ID}/report.csv`,
    );
    const dryRun = requests.find((request) => request.path.endsWith('/dry-run'));
    expect(dryRun?.body).toEqual({ mapping: { Nachname: 'lastName', 'E-Mail': 'email' }, duplicateHandling: 'update' });
  });

  it('applies the import and shows the progress until it is done', async () => {
    stubApp();
    renderApp('/customers/import');
    const user = await uploadFile();
    await user.click(await screen.findByRole('button', { name: 'Probelauf starten' }));
    await user.click(await screen.findByRole('button', { name: 'Import starten' }));

    expect(await screen.findByText('Import abgeschlossen', {}, { timeout: 5_000 })).toBeInTheDocument();
    expect(screen.getByText('3 von 3 Zeilen')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Zur Kundenliste' })).toHaveAttribute('href', '/customers');
  });

  it('offers the bank’s end-of-contract list with the same steps, without asking about duplicates', async () => {
    const bankUpload = {
      ...uploadAnswer,
      target: 'bank_contracts',
      fileName: 'vertragsende.csv',
      headers: ['FIN', 'Vertragsende'],
      sampleRows: [['WVWZZZ1KZAW000001', '31.03.2027']],
      suggestedMapping: { FIN: 'vin', Vertragsende: 'contractEnd' },
      totalRows: 2,
      fields: [
        { key: 'vin', label: 'FIN', required: false },
        { key: 'contractEnd', label: 'Vertragsende', required: true },
      ],
    };
    const { fetchMock, requests } = stubFetch({
      'GET /api/auth/session': session(adminUser),
      'GET /api/locations': { body: locations },
      'POST /api/imports': { status: 201, body: bankUpload },
      [`POST /api/imports/${IMPORT_ID}/dry-run`]: {
        body: {
          dryRun: true,
          totals: { create: 0, update: 1, skip: 0, reject: 1 },
          rows: [
            {
              row: 2,
              action: 'update',
              reasons: [{ field: 'contractEnd', column: 'Vertragsende', message: '31.05.2026 → 31.03.2027' }],
            },
            {
              row: 3,
              action: 'reject',
              reasons: [
                { field: 'vin', column: 'FIN', message: 'kein Fahrzeug mit dieser FIN bzw. diesem Kennzeichen im CRM' },
              ],
            },
          ],
        },
      },
    });
    renderApp('/customers/import');
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('radio', { name: 'Vertragsende-Liste der Bank' }, firstRender));
    expect(screen.getByText(/erst über die FIN, dann über das Kennzeichen/)).toBeInTheDocument();
    expect(screen.getByText('CSV oder Excel (.xlsx), höchstens 50 MB.')).toBeInTheDocument();
    const input = document.querySelector<HTMLInputElement>('input[type="file"]');
    await user.upload(input!, new File(['FIN;Vertragsende\n'], 'vertragsende.csv', { type: 'text/csv' }));
    await user.click(screen.getByRole('button', { name: 'Hochladen' }));

    expect(await screen.findByLabelText('Feld im CRM: Vertragsende', { selector: 'input' })).toHaveValue(
      'Vertragsende *',
    );
    const upload = fetchMock.mock.calls.find(([url]) => String(url) === '/api/imports');
    expect(((upload?.[1] as RequestInit).body as FormData).get('target')).toBe('bank_contracts');
    expect(screen.queryByRole('radio', { name: /aktualisieren/ })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Probelauf starten' }));
    expect(await screen.findByText('31.05.2026 → 31.03.2027')).toBeInTheDocument();
    expect(screen.getByText(/^1 Zeile wird jetzt übernommen\./)).toBeInTheDocument();
    expect(screen.getByText('kein Fahrzeug mit dieser FIN bzw. diesem Kennzeichen im CRM')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Bericht herunterladen (CSV)' })).toHaveAttribute(
      'href',
      `/api/imports/${IMPORT_ID}/report.csv`,
    );
    const dryRun = requests.find((request) => request.path.endsWith('/dry-run'));
    expect(dryRun?.body).toMatchObject({ mapping: { FIN: 'vin', Vertragsende: 'contractEnd' } });
  });

  it('says in German why the server refused the file, by the code of its answer', async () => {
    stubFetch({
      'GET /api/auth/session': session(adminUser),
      'GET /api/locations': { body: locations },
      'POST /api/imports': {
        status: 400,
        body: {
          type: '/problems/validation',
          title: 'Bad Request',
          status: 400,
          code: 'validation',
          detail: 'The request contains invalid fields.',
          errors: [
            {
              field: 'file',
              in: 'body',
              code: 'import_format_not_accepted',
              message: 'expected a .csv, .xlsx or .vcf file',
            },
          ],
        },
      },
    });
    renderApp('/customers/import');
    await uploadFile();
    expect(
      await screen.findByText('Bitte eine CSV-, Excel- (.xlsx) oder vCard-Datei (.vcf) wählen.'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/expected a \.csv/)).toBeNull();
  });

  it('tells other roles they have no access', async () => {
    stubFetch({ 'GET /api/auth/session': session(salesUser), 'GET /api/locations': { body: locations } });
    renderApp('/customers/import');
    expect(await screen.findByText('Kein Zugriff', {}, firstRender)).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Hochladen' })).not.toBeInTheDocument());
  });
});
