import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { stubFetch } from '@web/test/fetch-stub';
import { salesUser, session } from '@web/test/fixtures';
import { renderWithProviders } from '@web/test/render';
import { EMPTY_TYPE_FIELDS, MessageTypeFields } from './MessageTypeFields';

describe('MessageTypeFields', { timeout: 60_000 }, () => {
  beforeEach(() => {
    stubFetch({ 'GET /api/auth/session': session(salesUser) });
  });

  it('takes the end of a block typed as a German date and passes it on as YYYY-MM-DD', async () => {
    const onChange = vi.fn();
    renderWithProviders(<MessageTypeFields type="block" values={EMPTY_TYPE_FIELDS} onChange={onChange} />);
    await userEvent.type(await screen.findByLabelText(/^Gesperrt bis/, {}, { timeout: 15_000 }), '31.12.2027');
    expect(onChange).toHaveBeenLastCalledWith({ blockUntil: '2027-12-31' });
  });

  it('shows the control day in the German way', async () => {
    renderWithProviders(
      <MessageTypeFields
        type="daily_check"
        values={{ ...EMPTY_TYPE_FIELDS, checkDay: '2027-03-05' }}
        onChange={() => undefined}
      />,
    );
    expect(await screen.findByLabelText(/^Tag der Kontrolle/, {}, { timeout: 15_000 })).toHaveValue('05.03.2027');
  });
});
