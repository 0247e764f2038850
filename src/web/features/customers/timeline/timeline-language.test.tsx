import '../test-polyfills';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { stubFetch } from '@web/test/fetch-stub';
import { locations, salesUser, session } from '@web/test/fixtures';
import { renderApp } from '@web/test/render';
import { CONTACT_ID, contactFixture } from '../test-fixtures';

/** As the server stores it when a German colleague takes a request in: German summary, key and parameters. */
const received = {
  id: 41,
  kind: 'request',
  occurredAt: '2024-05-06T08:00:00.000Z',
  author: { id: salesUser.id, displayName: 'Jonas Weber' },
  summary: 'Anliegen A-100013 eingegangen: Rückruf – Frage zur Inspektion',
  text: {
    key: 'timeline.requestReceived',
    params: { number: 'A-100013', type: 'callback', subject: 'Frage zur Inspektion' },
  },
  body: null,
  data: null,
  sourceType: 'request',
  sourceId: '6c1d2e3f-4a5b-4c6d-8e7f-300000000002',
  contactId: CONTACT_ID,
  vehicleId: null,
};

/** A note keeps the words its writer typed. */
const note = {
  ...received,
  id: 40,
  kind: 'note',
  summary: 'Kunde bevorzugt E-Mail',
  text: null,
  sourceType: null,
  sourceId: null,
};

describe('the timeline in the reader’s language', { timeout: 60_000 }, () => {
  it('shows an English user an entry written by a German colleague in English', async () => {
    stubFetch({
      'GET /api/auth/session': session({ ...salesUser, locale: 'en' }),
      'GET /api/locations': { body: locations },
      [`GET /api/contacts/${CONTACT_ID}`]: { body: contactFixture() },
      [`GET /api/contacts/${CONTACT_ID}/timeline`]: { body: { items: [received, note], nextCursor: null } },
      [`GET /api/contacts/${CONTACT_ID}/vehicles`]: { body: [] },
    });
    renderApp(`/customers/${CONTACT_ID}`);

    expect(
      await screen.findByText('Request A-100013 received: Callback – Frage zur Inspektion', {}, { timeout: 15_000 }),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Anliegen A-100013 eingegangen/)).not.toBeInTheDocument();
    expect(screen.getByText('Kunde bevorzugt E-Mail')).toBeInTheDocument();
  });
});
