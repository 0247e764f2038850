import '@web/features/customers/test-polyfills';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { stubFetch } from '@web/test/fetch-stub';
import { adminUser, session } from '@web/test/fixtures';
import { renderApp } from '@web/test/render';

const firstRender = { timeout: 15_000 };
const template = (key: string, locale: string, subject: string) => ({
  key,
  locale,
  subject,
  body: `{{customer.salutation}},\n\nText ${key} ${locale}`,
  isDefault: true,
  updatedAt: '1970-01-01T00:00:00.000Z',
});

describe('customer e-mail templates', { timeout: 60_000 }, () => {
  it('edits the English offer e-mail, explains the placeholders and saves it', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/session': session({ ...adminUser, role: 'manager' }),
      'GET /api/templates': { body: [] },
      'GET /api/customer-email-templates': {
        body: [
          template('offer_sent', 'de', 'Ihr Angebot {{offer.number}}'),
          template('offer_sent', 'en', 'Your offer {{offer.number}}'),
          template('general_reply', 'de', 'Ihre Anfrage'),
          template('general_reply', 'en', 'Your enquiry'),
        ],
      },
      'PUT /api/customer-email-templates/offer_sent/en': (r) => ({
        body: { ...template('offer_sent', 'en', ''), ...(r.body as object), isDefault: false },
      }),
    });
    const user = userEvent.setup({ delay: null });
    renderApp('/admin/templates');

    expect(await screen.findByText('E-Mails an Kunden', {}, firstRender)).toBeInTheDocument();
    expect(await screen.findByText('{{consultant.name}}', {}, firstRender)).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'Name des Beraters' })).toBeInTheDocument();
    const subject = screen.getByRole('textbox', { name: 'Betreff' });
    expect(subject).toHaveValue('Ihr Angebot {{offer.number}}');

    await user.click(screen.getByRole('radio', { name: 'Englisch' }));
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: 'Betreff' })).toHaveValue('Your offer {{offer.number}}'),
    );
    fireEvent.change(screen.getByRole('textbox', { name: 'Betreff' }), { target: { value: 'Offer {{offer.number}}' } });
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    await waitFor(() =>
      expect(requests.find((r) => r.method === 'PUT')?.body).toEqual({
        subject: 'Offer {{offer.number}}',
        body: '{{customer.salutation}},\n\nText offer_sent en',
      }),
    );
  });
});
