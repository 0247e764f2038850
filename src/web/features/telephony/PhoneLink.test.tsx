import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { problem, stubFetch } from '@web/test/fetch-stub';
import { salesUser, session } from '@web/test/fixtures';
import { renderWithProviders } from '@web/test/render';
import { HANS_ID } from './test-fixtures';
import { PhoneLink } from './PhoneLink';

function setUp(reply: Parameters<typeof stubFetch>[0][string]) {
  const stub = stubFetch({
    'GET /api/auth/session': session(salesUser),
    'POST /api/telephony/click-to-call': reply,
  });
  // The browser hands tel: links to the operating system; the test only needs to see which one.
  const open = vi.fn();
  vi.stubGlobal('open', open);
  renderWithProviders(<PhoneLink number="+491711234567" display="0171 1234567" contactId={HANS_ID} />);
  return { ...stub, open };
}

describe('PhoneLink', () => {
  it('dials through the phone system and says so', async () => {
    const { requests, open } = setUp({ body: { mode: 'pbx', href: 'tel:+491711234567', callId: null } });
    await userEvent.click(await screen.findByRole('link', { name: '0171 1234567' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Wählt …');
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ number: '+491711234567', contactId: HANS_ID });
    expect(open).not.toHaveBeenCalled();
  });

  it('opens the tel: link when the user has no phone system', async () => {
    const { open } = setUp({ body: { mode: 'tel', href: 'tel:+491711234567', callId: null } });
    await userEvent.click(await screen.findByRole('link', { name: '0171 1234567' }));
    await waitFor(() => expect(open).toHaveBeenCalledWith('tel:+491711234567', '_self'));
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('falls back to the tel: link when the phone system fails', async () => {
    const { open } = setUp(problem(502));
    const link = await screen.findByRole('link', { name: '0171 1234567' });
    expect(link).toHaveAttribute('href', 'tel:+491711234567');
    await userEvent.click(link);
    await waitFor(() => expect(open).toHaveBeenCalledWith('tel:+491711234567', '_self'));
  });
});
