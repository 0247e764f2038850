import '@web/features/customers/test-polyfills';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { stubFetch } from '@web/test/fetch-stub';
import { locations, salesUser, session } from '@web/test/fixtures';
import { renderApp } from '@web/test/render';

describe('Customer list phase filter', { timeout: 60_000 }, () => {
  it('names the months of each phase in its list, keeps the short name in the field and the phase in the address', async () => {
    stubFetch({
      'GET /api/auth/session': session(salesUser),
      'GET /api/locations': { body: locations },
      'GET /api/contacts': { body: { items: [], nextCursor: null } },
    });
    const user = userEvent.setup({ delay: null });
    const { router } = renderApp('/customers');

    const phase = await screen.findByRole('combobox', { name: 'Lebenszyklus-Phase' }, { timeout: 15_000 });
    await user.click(phase);
    await user.click(await screen.findByRole('option', { name: 'Phase 3: Neuorientierung (Monat 29–36)' }));

    await waitFor(() => expect(phase).toHaveValue('Phase 3 · Neuorientierung'));
    expect(new URLSearchParams(router.state.location.search).get('phase')).toBe('reorientation');
    expect(await screen.findByText('Keine Kunden für diese Filter')).toBeInTheDocument();
  });
});
