import '@web/features/customers/test-polyfills';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { problem, stubFetch } from '@web/test/fetch-stub';
import { salesUser, session } from '@web/test/fixtures';
import { renderWithProviders } from '@web/test/render';
import { CustomerEmailDialog } from './CustomerEmailDialog';

const CONTACT = '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const REQUEST = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const templates = [{ key: 'general_reply' }, { key: 'offer_sent' }];
const options = (consent: 'granted' | 'missing' | 'withdrawn', blocked = false) => ({
  addresses: ['kunde@example.test'],
  consent,
  blocked,
  templates,
});
const sent = {
  id: '9a8b7c6d-5e4f-4a3b-8c1d-0e9f8a7b6c5d',
  to: 'kunde@example.test',
  status: 'queued',
};

function fillText() {
  fireEvent.change(screen.getByRole('textbox', { name: /Betreff/ }), { target: { value: 'Ihre Unterlagen' } });
  fireEvent.change(screen.getByRole('textbox', { name: /^Text/ }), { target: { value: 'Wie besprochen.' } });
}

describe('E-Mail an den Kunden', () => {
  it('shows the missing consent before sending and sends only once "Kunde hat darum gebeten" is ticked', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/session': session(salesUser),
      [`GET /api/contacts/${CONTACT}/email-options`]: { body: options('missing') },
      [`POST /api/contacts/${CONTACT}/emails`]: { status: 201, body: sent },
    });
    renderWithProviders(<CustomerEmailDialog contactId={CONTACT} requestId={REQUEST} opened onClose={() => {}} />);
    const user = userEvent.setup({ delay: null });

    expect(await screen.findByTestId('consent-state', {}, { timeout: 5000 })).toHaveTextContent(/nicht zugestimmt/);
    fillText();
    const send = screen.getByRole('button', { name: 'Senden' });
    expect(send).toBeDisabled();

    await user.click(screen.getByRole('checkbox', { name: /Kunde hat darum gebeten/ }));
    expect(send).toBeEnabled();
    await user.click(send);
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    expect(requests.find((r) => r.method === 'POST')?.body).toMatchObject({
      to: 'kunde@example.test',
      subject: 'Ihre Unterlagen',
      text: 'Wie besprochen.',
      requestId: REQUEST,
      askedInRequest: true,
    });
  });

  it('says a blocked customer is not written to, and offers no way to send', async () => {
    stubFetch({
      'GET /api/auth/session': session(salesUser),
      [`GET /api/contacts/${CONTACT}/email-options`]: { body: options('granted', true) },
    });
    renderWithProviders(<CustomerEmailDialog contactId={CONTACT} opened onClose={() => {}} />);
    expect(await screen.findByTestId('consent-state', {}, { timeout: 5000 })).toHaveTextContent(/gesperrt/);
    fillText();
    expect(screen.getByRole('button', { name: 'Senden' })).toBeDisabled();
    expect(screen.queryByRole('checkbox', { name: /Kunde hat darum gebeten/ })).toBeNull();
  });

  it('sends with consent, and words a refusal of the server', async () => {
    stubFetch({
      'GET /api/auth/session': session(salesUser),
      [`GET /api/contacts/${CONTACT}/email-options`]: { body: options('granted') },
      [`POST /api/contacts/${CONTACT}/emails`]: problem(409, {
        detail: 'The customer has withdrawn their consent to e-mail.',
        errors: [{ field: 'reason', code: 'consent_withdrawn', message: 'withdrawn' }],
      }),
    });
    renderWithProviders(<CustomerEmailDialog contactId={CONTACT} opened onClose={() => {}} />);
    const user = userEvent.setup({ delay: null });
    expect(await screen.findByTestId('consent-state', {}, { timeout: 5000 })).toHaveTextContent(/zugestimmt/);
    fillText();
    await user.click(screen.getByRole('button', { name: 'Senden' }));
    expect(await screen.findByRole('alert', {}, { timeout: 5000 })).toHaveTextContent(
      /Einwilligung für E-Mails widerrufen/,
    );
  });

  it('says the mail is on its way, or that it waits because no mail server is set up', async () => {
    for (const [status, words] of [
      ['queued', 'E-Mail an kunde@example.test wird gesendet.'],
      ['held', /E-Mail an kunde@example\.test gespeichert\. Noch ist kein Mailserver eingerichtet/],
    ] as const) {
      stubFetch({
        'GET /api/auth/session': session(salesUser),
        [`GET /api/contacts/${CONTACT}/email-options`]: { body: options('granted') },
        [`POST /api/contacts/${CONTACT}/emails`]: { status: 201, body: { ...sent, status } },
      });
      const view = renderWithProviders(<CustomerEmailDialog contactId={CONTACT} opened onClose={() => {}} />);
      const user = userEvent.setup({ delay: null });
      expect(await screen.findByTestId('consent-state', {}, { timeout: 5000 })).toHaveTextContent(/zugestimmt/);
      fillText();
      await user.click(screen.getByRole('button', { name: 'Senden' }));
      expect(await screen.findByText(words)).toBeInTheDocument();
      view.unmount();
    }
  });
});
