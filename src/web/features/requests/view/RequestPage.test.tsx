import '@web/features/customers/test-polyfills';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { stubFetch } from '@web/test/fetch-stub';
import { locations, salesUser, session } from '@web/test/fixtures';
import { renderApp } from '@web/test/render';
import { CONTACT_ID, contactFixture, emptyPage } from '@web/features/customers/test-fixtures';
import { ADVISOR, REQUEST_ID, requestFixture } from '../test-fixtures';
import type { AttemptData } from '../types';

const firstRender = { timeout: 15_000 };

const failed = (id: number, at: string, outcome: AttemptData['outcome']): AttemptData => ({
  id: `7a7a7a7a-0000-4000-8000-00000000000${id}`,
  at,
  channel: 'phone',
  outcome,
  note: 'Niemand erreicht',
  user: ADVISOR,
});

const afterThreeCalls = requestFixture({
  status: 'in_progress',
  attempts: [
    failed(1, '2024-05-06T08:10:00.000Z', 'no_answer'),
    failed(2, '2024-05-06T11:30:00.000Z', 'voicemail'),
    failed(3, '2024-05-06T15:45:00.000Z', 'no_answer'),
  ],
  nextStep: { action: 'email', suggestedAt: null, reason: 'three_failed_attempts', failedPhoneAttempts: 3 },
});

const templates = [
  { kind: 'phone_script', subject: null, body: 'Guten Tag, hier ist Eva Schmidt …', missing: [] },
  { kind: 'voicemail', subject: null, body: 'Wir rufen Sie gerne zurück.', missing: [] },
  {
    kind: 'email',
    subject: 'Ihre Anfrage A-100123',
    body: 'Sehr geehrte Frau Müller,\nwir haben Sie telefonisch leider nicht erreicht.',
    missing: [],
  },
];

function stubRequest(extra: Record<string, unknown> = {}) {
  return stubFetch({
    'GET /api/auth/session': session(salesUser),
    'GET /api/locations': { body: locations },
    [`GET /api/requests/${REQUEST_ID}`]: { body: afterThreeCalls },
    [`GET /api/requests/${REQUEST_ID}/events`]: { body: [] },
    [`GET /api/requests/${REQUEST_ID}/templates`]: { body: templates },
    [`GET /api/contacts/${CONTACT_ID}`]: { body: contactFixture() },
    [`GET /api/contacts/${CONTACT_ID}/timeline`]: emptyPage,
    [`GET /api/contacts/${CONTACT_ID}/vehicles`]: { body: [] },
    [`GET /api/contacts/${CONTACT_ID}/requests`]: { body: [] },
    ...(extra as Record<string, { body: unknown }>),
  });
}

describe('RequestPage', { timeout: 60_000 }, () => {
  it('prompts the e-mail with the filled template after three failed calls', async () => {
    stubRequest();
    renderApp(`/requests/${REQUEST_ID}`);

    const prompt = await screen.findByRole('alert', { name: /Jetzt per E-Mail nachfassen/ }, firstRender);
    expect(within(prompt).getByText(/3 Anrufversuche innerhalb von 48 Stunden/)).toBeInTheDocument();
    expect(await within(prompt).findByTestId('email-subject')).toHaveTextContent('Ihre Anfrage A-100123');
    expect(within(prompt).getByTestId('email-body')).toHaveTextContent(
      'wir haben Sie telefonisch leider nicht erreicht',
    );
    const mailto = within(prompt).getByRole('link', { name: /In E-Mail-Programm öffnen/ });
    expect(mailto.getAttribute('href')).toMatch(
      /^mailto:anna\.mueller@example\.de\?subject=Ihre%20Anfrage%20A-100123&body=/,
    );
  });

  it('shows the phone system’s own text apart from what the customer said', async () => {
    stubRequest({
      [`GET /api/requests/${REQUEST_ID}`]: {
        body: { ...afterThreeCalls, message: 'Anruf am 06.05.24, 10:10 nicht angenommen.', messageFrom: 'system' },
      },
    });
    renderApp(`/requests/${REQUEST_ID}`);

    const note = await screen.findByRole('alert', { name: 'Vom System vermerkt' }, firstRender);
    expect(note).toHaveTextContent('Anruf am 06.05.24, 10:10 nicht angenommen.');
    const words = screen.getByRole('heading', { name: 'Was der Kunde sagt' }).parentElement!;
    expect(words).not.toHaveTextContent('nicht angenommen');
    expect(words).toHaveTextContent('Keine Nachricht erfasst.');
  });

  it('offers a letter or an SMS instead of an e-mail when the customer has no address', async () => {
    const { requests } = stubRequest({
      [`GET /api/contacts/${CONTACT_ID}`]: { body: contactFixture({ emails: [] }) },
      [`POST /api/requests/${REQUEST_ID}/attempts`]: { status: 201, body: afterThreeCalls },
    });
    const user = userEvent.setup({ delay: null });
    renderApp(`/requests/${REQUEST_ID}`);

    const prompt = await screen.findByRole('alert', { name: /per Brief oder SMS/ }, firstRender);
    expect(within(prompt).getByText(/keine E-Mail-Adresse hinterlegt/)).toBeInTheDocument();
    expect(within(prompt).queryByRole('link', { name: /E-Mail-Programm/ })).toBeNull();
    await user.click(within(prompt).getByRole('button', { name: 'Als Brief verschickt vermerken' }));
    await waitFor(() =>
      expect(requests.find((r) => r.method === 'POST')?.body).toMatchObject({
        channel: 'letter',
        outcome: 'email_sent',
      }),
    );
  });

  it('notes the e-mail as sent with one click', async () => {
    const { requests } = stubRequest({
      [`POST /api/requests/${REQUEST_ID}/attempts`]: { status: 201, body: afterThreeCalls },
    });
    const user = userEvent.setup({ delay: null });
    renderApp(`/requests/${REQUEST_ID}`);

    const prompt = await screen.findByRole('alert', { name: /Jetzt per E-Mail nachfassen/ }, firstRender);
    await within(prompt).findByTestId('email-subject');
    await user.click(within(prompt).getByRole('button', { name: 'Als gesendet vermerken' }));

    await waitFor(() => expect(requests.some((request) => request.method === 'POST')).toBe(true));
    const post = requests.find((request) => request.method === 'POST');
    expect(post?.body).toMatchObject({ channel: 'email', outcome: 'email_sent' });
  });

  it('sends the e-mail from the CRM with the filled template in one click', async () => {
    const { requests } = stubRequest({
      [`POST /api/requests/${REQUEST_ID}/attempts`]: { status: 201, body: afterThreeCalls },
    });
    const user = userEvent.setup({ delay: null });
    renderApp(`/requests/${REQUEST_ID}`);

    const prompt = await screen.findByRole('alert', { name: /Jetzt per E-Mail nachfassen/ }, firstRender);
    const subject = (await within(prompt).findByTestId('email-subject')).textContent;
    await user.click(within(prompt).getByRole('button', { name: 'Jetzt senden' }));

    await waitFor(() => expect(requests.some((request) => request.method === 'POST')).toBe(true));
    const post = requests.find((request) => request.method === 'POST');
    expect(post?.body).toMatchObject({ channel: 'email', outcome: 'email_sent', send: { subject } });
  });

  it('asks for the verbatim note before saving "reached"; a failed call goes without one', async () => {
    const { requests } = stubRequest({
      [`POST /api/requests/${REQUEST_ID}/attempts`]: { status: 201, body: afterThreeCalls },
    });
    const user = userEvent.setup({ delay: null });
    renderApp(`/requests/${REQUEST_ID}`);

    const form = await screen.findByRole('form', { name: 'Kontaktversuch erfassen' }, firstRender);
    await user.click(within(form).getByText('Erreicht', { exact: true }));
    const note = within(form).getByRole('textbox', { name: /Notiz \(wörtlich\)/ });
    expect(note).toBeRequired();
    await user.click(within(form).getByRole('button', { name: 'Versuch speichern' }));
    expect(
      await within(form).findByText('Bitte festhalten, was mit dem Kunden besprochen und ihm angeboten wurde.'),
    ).toBeInTheDocument();
    expect(requests.some((request) => request.method === 'POST')).toBe(false);

    await user.click(within(form).getByText('Nicht erreicht', { exact: true }));
    expect(within(form).getByRole('textbox', { name: /Notiz \(wörtlich\)/ })).not.toBeRequired();
    await user.click(within(form).getByRole('button', { name: 'Versuch speichern' }));
    await waitFor(() => expect(requests.some((request) => request.method === 'POST')).toBe(true));
    expect(requests.find((request) => request.method === 'POST')?.body).toEqual({
      channel: 'phone',
      outcome: 'no_answer',
      note: null,
    });
  });

  it('shows where the request came from and the department asked for', async () => {
    stubRequest({
      [`GET /api/requests/${REQUEST_ID}`]: {
        body: requestFixture({ source: 'Google Ads', campaign: 'Frühjahr 2026', department: 'sales' }),
      },
    });
    renderApp(`/requests/${REQUEST_ID}`);

    expect(await screen.findByText('Quelle: Google Ads · Frühjahr 2026', {}, firstRender)).toBeInTheDocument();
    expect(screen.getByText('Abteilung: Verkauf')).toBeInTheDocument();
  });

  it('proposes the next call at another time of day after one failed call', async () => {
    stubRequest({
      [`GET /api/requests/${REQUEST_ID}`]: {
        body: requestFixture({
          attempts: [failed(1, '2024-05-06T08:10:00.000Z', 'no_answer')],
          nextStep: {
            action: 'call',
            suggestedAt: '2030-05-06T13:30:00.000Z',
            reason: 'retry_other_time',
            failedPhoneAttempts: 1,
          },
        }),
      },
    });
    renderApp(`/requests/${REQUEST_ID}`);

    expect(
      await screen.findByText(/Nächster Anruf: .*15:30 \(andere Tageszeit\)/, {}, firstRender),
    ).toBeInTheDocument();
    expect(screen.queryByText('Jetzt per E-Mail nachfassen')).not.toBeInTheDocument();
  });

  it('says beside the customer’s words what intake had to change to store the lead', async () => {
    stubRequest({
      [`GET /api/requests/${REQUEST_ID}/events`]: {
        body: [
          {
            id: '6e6e6e6e-0000-4000-8000-000000000001',
            at: '2024-05-06T07:55:00.000Z',
            kind: 'created',
            actor: null,
            fromStatus: null,
            toStatus: 'new',
            data: {
              channel: 'lead_portal',
              repairs: [
                { code: 'truncated', path: 'customer.lastName', limit: 80, message: 'cut' },
                { code: 'nul_removed', path: 'message', message: 'removed' },
                { code: 'date_dropped', path: 'callbackFrom', message: 'left out' },
              ],
            },
          },
        ],
      },
    });
    renderApp(`/requests/${REQUEST_ID}`);

    const notice = await screen.findByRole('alert', { name: /Beim Eingang angepasst/ }, firstRender);
    expect(within(notice).getByText(/customer\.lastName: auf 80 Zeichen gekürzt/)).toBeInTheDocument();
    expect(within(notice).getByText(/message: nicht speicherbare Zeichen \(NUL\) entfernt/)).toBeInTheDocument();
    expect(within(notice).getByText(/callbackFrom: unmögliches Datum weggelassen/)).toBeInTheDocument();
  });

  it('shows in the history each time the caller of a missed call tried again', async () => {
    stubRequest({
      [`GET /api/requests/${REQUEST_ID}/events`]: {
        body: [
          {
            id: '6e6e6e6e-0000-4000-8000-000000000002',
            at: '2024-05-06T08:15:00.000Z',
            kind: 'call_repeated',
            actor: null,
            fromStatus: null,
            toStatus: null,
            data: { callId: '5e5e5e5e-0000-4000-8000-000000000001', calledAt: '2024-05-06T08:00:16.000Z', count: 2 },
          },
        ],
      },
    });
    renderApp(`/requests/${REQUEST_ID}`);
    expect(
      await screen.findByText('Erneut angerufen: 2. Anruf am 06.05.2024, 10:00, nicht angenommen', {}, firstRender),
    ).toBeInTheDocument();
  });

  it('lists the attachments for download and refuses a file of a kind not accepted before sending it', async () => {
    const { requests } = stubRequest({
      [`GET /api/requests/${REQUEST_ID}/attachments`]: {
        body: [
          {
            id: '5f5f5f5f-0000-4000-8000-000000000001',
            fileName: 'Kostenvoranschlag.pdf',
            contentType: 'application/pdf',
            size: 2048,
            createdAt: '2024-05-06T08:00:00.000Z',
            createdBy: ADVISOR,
          },
        ],
      },
    });
    const user = userEvent.setup({ delay: null, applyAccept: false });
    renderApp(`/requests/${REQUEST_ID}`);

    const link = await screen.findByRole('link', { name: 'Kostenvoranschlag.pdf' }, firstRender);
    expect(link.getAttribute('href')).toBe(
      `/api/requests/${REQUEST_ID}/attachments/5f5f5f5f-0000-4000-8000-000000000001`,
    );
    const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
    await user.upload(input, new File(['MZ'], 'rechnung.exe', { type: 'application/x-msdownload' }));
    expect(await screen.findByText(/„rechnung\.exe“ hat ein Format, das nicht angenommen wird/)).toBeInTheDocument();
    expect(requests.some((request) => request.path.endsWith('/attachments') && request.method === 'POST')).toBe(false);
  });
  it('shows what the customer submitted beside the contact, flags a possible duplicate and takes a number over', async () => {
    const submitted = {
      customer: {
        salutation: null,
        firstName: 'Anna',
        lastName: 'Neumann',
        fullName: null,
        companyName: null,
        phones: [
          { number: '+49 171 1112223', kind: null, e164: '+491711112223' },
          { number: '0662 842211', kind: 'landline', e164: '+43662842211' },
        ],
        emails: ['Anna.Neumann@Example.de'],
        address: { street: 'Getreidegasse 9', postalCode: '5020', city: 'Salzburg', region: null, country: 'AT' },
      },
      match: 'possible_duplicate',
      matchedBy: [],
      added: { phones: [], emails: [] },
      possibleDuplicates: [
        {
          id: '0b5e6f4a-1c2d-4e3f-8a9b-0000000000aa',
          displayName: 'Abel, Jakob',
          customerNumber: 'MUC-100001',
          reasons: ['phone'],
          blocked: false,
          city: null,
          primaryPhone: null,
        },
      ],
      notOnContact: {
        phones: [{ number: '0662 842211', kind: 'landline', e164: '+43662842211' }],
        emails: [],
        address: null,
      },
    } as const;
    const withSubmitted = requestFixture({ submitted: structuredClone(submitted) as never });
    const { requests } = stubRequest({
      [`GET /api/requests/${REQUEST_ID}`]: { body: withSubmitted },
      [`POST /api/requests/${REQUEST_ID}/submitted/take-over`]: { body: withSubmitted },
    });
    const user = userEvent.setup({ delay: null });
    renderApp(`/requests/${REQUEST_ID}`);

    const panel = await screen.findByRole('region', { name: 'Angaben des Kunden' }, firstRender);
    expect(within(panel).getByText('Anna Neumann')).toBeInTheDocument();
    expect(within(panel).getByText('Anna.Neumann@Example.de')).toBeInTheDocument();
    expect(within(panel).getByText(/Getreidegasse 9, 5020 Salzburg, AT/)).toBeInTheDocument();
    const flag = within(panel).getByRole('alert', { name: /Möglicher Doppelkontakt/ });
    expect(within(flag).getByRole('link', { name: 'Abel, Jakob' })).toBeInTheDocument();
    expect(within(flag).getByText('gleiche Telefonnummer')).toBeInTheDocument();

    await user.click(within(panel).getByRole('button', { name: '0662 842211 zum Kunden übernehmen' }));
    await waitFor(() => expect(requests.some((request) => request.path.endsWith('/take-over'))).toBe(true));
    expect(requests.find((request) => request.path.endsWith('/take-over'))?.body).toEqual({
      phones: ['0662 842211'],
      emails: [],
      address: false,
    });
  });

  it('names the other customers sharing the number of a missed call, to choose from', async () => {
    const submitted = {
      customer: {
        salutation: null,
        firstName: null,
        lastName: null,
        fullName: null,
        companyName: null,
        phones: [{ number: '0151 2223334', kind: null, e164: '+491512223334' }],
        emails: [],
        address: null,
      },
      match: 'shared_number',
      matchedBy: ['phone'],
      added: { phones: [], emails: [] },
      possibleDuplicates: [
        {
          id: '0b5e6f4a-1c2d-4e3f-8a9b-0000000000ab',
          displayName: 'Stammkunde, P.',
          customerNumber: 'MUC-100002',
          reasons: ['phone'],
          blocked: false,
          city: null,
          primaryPhone: null,
        },
      ],
      notOnContact: { phones: [], emails: [], address: null },
    } as const;
    stubRequest({
      [`GET /api/requests/${REQUEST_ID}`]: { body: requestFixture({ submitted: structuredClone(submitted) as never }) },
    });
    renderApp(`/requests/${REQUEST_ID}`);
    const flag = await screen.findByRole('alert', { name: 'Die Nummer gehört mehreren Kunden' }, firstRender);
    expect(within(flag).getByRole('link', { name: 'Stammkunde, P.' })).toBeInTheDocument();
  });
});
