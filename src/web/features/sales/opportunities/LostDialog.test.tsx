import '@web/features/customers/test-polyfills';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { problem, stubFetch } from '@web/test/fetch-stub';
import { salesUser, session } from '@web/test/fixtures';
import { renderWithProviders } from '@web/test/render';
import { LostDialog } from './LostDialog';

const OPPORTUNITY = { id: '11111111-1111-4111-8111-111111111111', number: 'V-100007', version: 3 };
const firstRender = { timeout: 15_000 };

async function chooseReason(dialog: HTMLElement, label: string) {
  await userEvent.click(within(dialog).getAllByLabelText(/^Grund/)[0]!);
  await userEvent.click(await screen.findByRole('option', { name: label }));
}

describe('LostDialog', { timeout: 60_000 }, () => {
  it('asks for the brand when bought elsewhere, then sends reason, brand and version', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/session': session(salesUser),
      [`POST /api/opportunities/${OPPORTUNITY.id}/lost`]: { body: { ...OPPORTUNITY, status: 'lost' } },
    });
    renderWithProviders(<LostDialog opened onClose={() => undefined} opportunity={OPPORTUNITY} />);
    const dialog = await screen.findByRole('dialog', {}, firstRender);

    await userEvent.click(within(dialog).getByRole('button', { name: 'Als verloren markieren' }));
    expect(await within(dialog).findByText('Pflichtfeld')).toBeInTheDocument();

    await chooseReason(dialog, 'woanders gekauft');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Als verloren markieren' }));
    expect(await within(dialog).findByText('Bitte die gekaufte Marke angeben.')).toBeInTheDocument();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    await userEvent.type(within(dialog).getAllByLabelText(/^Gekaufte Marke/)[0]!, 'Skoda');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Als verloren markieren' }));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    const sent = requests.find((r) => r.method === 'POST')!;
    expect(sent.body).toMatchObject({ reason: 'bought_elsewhere', brand: 'Skoda', version: 3 });
  });

  it('shows the server’s refusal on the field in words', async () => {
    stubFetch({
      'GET /api/auth/session': session(salesUser),
      [`POST /api/opportunities/${OPPORTUNITY.id}/lost`]: problem(400, {
        errors: [{ field: 'brand', code: 'brand_required', message: 'which brand' }],
      }),
    });
    renderWithProviders(<LostDialog opened onClose={() => undefined} opportunity={OPPORTUNITY} />);
    const dialog = await screen.findByRole('dialog', {}, firstRender);
    await chooseReason(dialog, 'Preis');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Als verloren markieren' }));
    // The brand field is not on the form for "price": the refusal is still shown in words.
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Bitte die gekaufte Marke angeben.');
  });
});
