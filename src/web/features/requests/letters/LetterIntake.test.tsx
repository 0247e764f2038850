import '@web/features/customers/test-polyfills';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { stubFetch } from '@web/test/fetch-stub';
import { locations, salesUser, session } from '@web/test/fixtures';
import { renderApp } from '@web/test/render';
import { CONTACT_ID, contactFixture, emptyPage, searchHit } from '@web/features/customers/test-fixtures';
import { REQUEST_ID, requestFixture } from '../test-fixtures';

const reception = { ...salesUser, role: 'reception' as const, displayName: 'Lena Koch' };
const firstRender = { timeout: 15_000 };

const fileInput = () => document.querySelector<HTMLInputElement>('input[type="file"]')!;

describe('letters at reception', { timeout: 60_000 }, () => {
  it('sends the scan with the request in one upload, with a key that makes a retry harmless', async () => {
    const created = requestFixture({ channel: 'letter', type: 'general', subject: 'Brief' });
    const { requests } = stubFetch({
      'GET /api/auth/session': session(reception),
      'GET /api/locations': { body: locations },
      'GET /api/search': { body: { query: 'Müller', results: [searchHit()], tookMs: 3 } },
      [`GET /api/contacts/${CONTACT_ID}`]: { body: contactFixture() },
      [`GET /api/contacts/${CONTACT_ID}/vehicles`]: { body: [] },
      'POST /api/requests/letters': { status: 201, body: created },
    });
    const user = userEvent.setup({ delay: null, applyAccept: false });
    renderApp('/requests/new?channel=letter&type=general');

    expect(await screen.findByRole('heading', { name: 'Brief erfassen' }, firstRender)).toBeInTheDocument();
    await screen.findByRole('textbox', { name: /^Kunde/ });
    await user.keyboard('Müller');
    await screen.findByRole('option', { name: /Anna Müller/ }, { timeout: 5000 });
    await user.keyboard('{Enter}');

    // A text file is no scan: said at once, nothing sent.
    await user.upload(fileInput(), new File(['Hallo'], 'notiz.txt', { type: 'text/plain' }));
    expect(await screen.findByText(/„notiz.txt“ ist kein Scan/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Anliegen anlegen' }));
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    await user.upload(fileInput(), new File(['%PDF-1.4'], 'Brief Müller.pdf', { type: 'application/pdf' }));
    await user.click(screen.getByRole('button', { name: 'Anliegen anlegen' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Anliegen A-100123 angelegt');
    const post = requests.find((r) => r.method === 'POST' && r.path === '/api/requests/letters')!;
    expect(post.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect((post.form!.get('file') as File).name).toBe('Brief Müller.pdf');
    expect(JSON.parse(post.form!.get('request') as string)).toMatchObject({
      channel: 'letter',
      type: 'general',
      contactId: CONTACT_ID,
    });
  });

  it('shows the letter being read, then its text with how it was read and what could not be', async () => {
    let reads = 0;
    const read = {
      requestId: REQUEST_ID,
      attachmentId: null,
      fileName: 'Scan.pdf',
      status: 'read',
      source: 'ocr',
      confidence: 91,
      pages: 2,
      text: 'Sehr geehrte Damen und Herren,\ndie Lieferung wurde schon wieder verschoben.',
      notes: [{ key: 'pageUnreadable', params: { page: 2 } }],
      suggestedType: 'complaint',
      readAt: '2024-05-06T08:00:00.000Z',
    };
    stubFetch({
      'GET /api/auth/session': session(salesUser),
      'GET /api/locations': { body: locations },
      [`GET /api/requests/${REQUEST_ID}`]: { body: requestFixture({ channel: 'letter' }) },
      [`GET /api/requests/${REQUEST_ID}/letter`]: () =>
        reads++ === 0
          ? {
              body: {
                ...read,
                status: 'pending',
                source: null,
                confidence: null,
                text: null,
                notes: [],
                suggestedType: null,
              },
            }
          : { body: read },
      [`GET /api/requests/${REQUEST_ID}/events`]: { body: [] },
      [`GET /api/requests/${REQUEST_ID}/templates`]: { body: [] },
      [`GET /api/requests/${REQUEST_ID}/attachments`]: { body: [] },
      [`GET /api/contacts/${CONTACT_ID}`]: { body: contactFixture() },
      [`GET /api/contacts/${CONTACT_ID}/timeline`]: emptyPage,
      [`GET /api/contacts/${CONTACT_ID}/vehicles`]: { body: [] },
      [`GET /api/contacts/${CONTACT_ID}/requests`]: { body: [] },
    });
    renderApp(`/requests/${REQUEST_ID}`);

    expect(await screen.findByText('Text wird gelesen…', {}, firstRender)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText(/die Lieferung wurde schon wieder verschoben/)).toBeInTheDocument(), {
      timeout: 5000,
    });
    expect(screen.getByText('Per Texterkennung gelesen · Sicherheit 91 %')).toBeInTheDocument();
    expect(screen.getByText('Seite 2 nicht lesbar.')).toBeInTheDocument();
    expect(screen.getByText(/Ist es eine Reklamation\?/)).toBeInTheDocument();
    expect(screen.queryByText('Text wird gelesen…')).not.toBeInTheDocument();
  });
});
