import '../test-polyfills';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { stubFetch } from '@web/test/fetch-stub';
import { adminUser, locations, salesUser, session } from '@web/test/fixtures';
import type { Me } from '@shared/auth/schemas';
import { renderApp } from '@web/test/render';
import { CONTACT_ID, contactFixture, emptyPage, OTHER_CONTACT_ID } from '../test-fixtures';
import type { Contact } from '../types';

// The page is loaded lazily; the first render of its chunk takes a moment in jsdom.
const firstRender = { timeout: 15_000 };

const blockedContact = contactFixture({
  activeBlock: {
    id: 'b10cb10c-0000-4000-8000-000000000001',
    reason: 'Hausverbot nach Vorfall in der Werkstatt',
    blockedAt: '2024-04-02T08:15:00.000Z',
    blockedUntil: '2024-12-31T22:59:59.000Z',
    blockedBy: { id: adminUser.id, displayName: 'Petra Schneider' },
  },
  consents: [
    {
      channel: 'email',
      purpose: 'marketing',
      status: 'granted',
      effectiveAt: '2024-02-01T10:00:00.000Z',
      source: 'signed_form',
    },
    {
      channel: 'phone',
      purpose: 'marketing',
      status: 'withdrawn',
      effectiveAt: '2024-03-01T10:00:00.000Z',
      source: 'verbal',
    },
  ],
});

function stubRecord(user: Me, contact: Contact, extra: Record<string, unknown> = {}) {
  return stubFetch({
    'GET /api/auth/session': session(user),
    'GET /api/locations': { body: locations },
    [`GET /api/contacts/${contact.id}`]: { body: contact },
    [`GET /api/contacts/${contact.id}/timeline`]: emptyPage,
    [`GET /api/contacts/${contact.id}/vehicles`]: { body: [] },
    ...(extra as Record<string, { body: unknown }>),
  });
}

describe('CustomerPage', { timeout: 60_000 }, () => {
  it('shows a red banner with the reason and period of a block', async () => {
    stubRecord(salesUser, blockedContact);
    renderApp(`/customers/${CONTACT_ID}`);

    const banner = await screen.findByRole('alert', {}, firstRender);
    expect(within(banner).getByText('Kunde gesperrt')).toBeInTheDocument();
    expect(within(banner).getByText('Hausverbot nach Vorfall in der Werkstatt')).toBeInTheDocument();
    expect(
      within(banner).getByText(/Gesperrt seit 02\.04\.2024 · bis 31\.12\.2024 · von Petra Schneider/),
    ).toBeInTheDocument();
    // Lifting a block is for admins and managers.
    expect(within(banner).queryByRole('button', { name: 'Sperre aufheben' })).not.toBeInTheDocument();
  });

  it('lets a manager lift the block from the banner', async () => {
    const { requests } = stubRecord(adminUser, blockedContact, {
      [`POST /api/contacts/${CONTACT_ID}/unblock`]: { body: contactFixture() },
    });
    const user = userEvent.setup({ delay: null });
    renderApp(`/customers/${CONTACT_ID}`);

    const banner = await screen.findByRole('alert', {}, firstRender);
    await user.click(within(banner).getByRole('button', { name: 'Sperre aufheben' }));
    const dialog = await screen.findByRole('dialog', { name: /Sperre von Anna Müller aufheben/ });
    await user.type(within(dialog).getByRole('textbox', { name: 'Begründung' }), 'Klärendes Gespräch geführt');
    await user.click(within(dialog).getByRole('button', { name: 'Sperre aufheben' }));

    await waitFor(() => expect(requests.some((request) => request.path.endsWith('/unblock'))).toBe(true));
    const unblock = requests.find((request) => request.path.endsWith('/unblock'));
    expect(unblock?.body).toEqual({ reason: 'Klärendes Gespräch geführt' });
  });

  it('shows consent per channel and purpose: granted, withdrawn or never asked', async () => {
    stubRecord(salesUser, blockedContact);
    renderApp(`/customers/${CONTACT_ID}`);

    const granted = await screen.findByLabelText('E-Mail · Werbung: erteilt', {}, firstRender);
    expect(granted).toHaveAttribute('data-status', 'granted');
    expect(screen.getByLabelText('Telefon · Werbung: widerrufen')).toHaveAttribute('data-status', 'withdrawn');
    expect(screen.getByLabelText('SMS · Service-Erinnerung: nicht erfragt')).toHaveAttribute('data-status', 'unknown');
  });

  it('shows the contact data with a phone link and the customer number', async () => {
    stubRecord(salesUser, contactFixture());
    renderApp(`/customers/${CONTACT_ID}`);

    expect(await screen.findByRole('heading', { name: 'Anna Müller' }, firstRender)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '0171 1234567' })).toHaveAttribute('href', 'tel:+491711234567');
    expect(screen.getByRole('link', { name: 'anna.mueller@example.de' })).toHaveAttribute(
      'href',
      'mailto:anna.mueller@example.de',
    );
    expect(screen.getByText('K-100234')).toBeInTheDocument();
    expect(screen.queryByText('Kunde gesperrt')).not.toBeInTheDocument();
  });

  it('says in the header whether the person is a prospect or already a customer', async () => {
    stubRecord(salesUser, contactFixture({ lifecycle: 'prospect' }));
    renderApp(`/customers/${CONTACT_ID}`);
    expect(await screen.findByTestId('customer-lifecycle', {}, firstRender)).toHaveTextContent('Interessent');
  });

  it('leads from a merged contact to the one it was merged into, with a notice', async () => {
    const merged = contactFixture({
      id: OTHER_CONTACT_ID,
      displayName: 'A. Müller',
      mergedInto: { id: CONTACT_ID, displayName: 'Anna Müller', customerNumber: 'K-100234' },
    });
    stubRecord(salesUser, contactFixture(), {
      [`GET /api/contacts/${OTHER_CONTACT_ID}`]: { body: merged },
    });
    const { router } = renderApp(`/customers/${OTHER_CONTACT_ID}`);

    expect(
      await screen.findByText(/„A\. Müller“ wurde mit diesem Kunden zusammengeführt/, {}, firstRender),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/customers/${CONTACT_ID}`);
  });
});
