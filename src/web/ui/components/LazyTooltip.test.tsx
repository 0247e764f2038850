import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { stubFetch } from '@web/test/fetch-stub';
import { salesUser, session } from '@web/test/fixtures';
import { renderWithProviders } from '@web/test/render';
import { LazyTooltip } from './LazyTooltip';

describe('LazyTooltip', () => {
  it('shows its text when the pointer reaches the element, and hides it when the pointer leaves', async () => {
    stubFetch({ 'GET /api/auth/session': session(salesUser) });
    const user = userEvent.setup();
    const ownHandler = vi.fn();
    renderWithProviders(
      <LazyTooltip label="Erteilt am 06.05.2024 (Formular)">
        <button type="button" onMouseEnter={ownHandler}>
          E-Mail
        </button>
      </LazyTooltip>,
    );
    const target = await screen.findByRole('button', { name: 'E-Mail' });
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();

    await user.hover(target);
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Erteilt am 06.05.2024 (Formular)');
    // The element's own handler still runs.
    expect(ownHandler).toHaveBeenCalled();

    // The pointer moves on over the element (a browser reports it on the element now shown), then leaves.
    await user.hover(screen.getByRole('button', { name: 'E-Mail' }));
    await user.unhover(screen.getByRole('button', { name: 'E-Mail' }));
    await waitFor(() => expect(screen.queryByRole('tooltip')).not.toBeInTheDocument());

    await user.hover(screen.getByRole('button', { name: 'E-Mail' }));
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Erteilt am 06.05.2024 (Formular)');
  });
});
