import '@web/features/customers/test-polyfills';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { problem, type StubReply, stubFetch } from '@web/test/fetch-stub';
import { salesUser, session } from '@web/test/fixtures';
import { renderWithProviders } from '@web/test/render';
import { CONTACT_ID } from '@web/features/customers/test-fixtures';
import { REQUEST_ID, requestFixture } from '../test-fixtures';
import { EmailReplyDialog } from './EmailReplyDialog';

const FILE_ID = '7d1e2f3a-4b5c-4d6e-8f70-000000000001';
const options = {
  addresses: ['anna@example.test', 'anna.work@example.test'],
  consent: 'missing',
  blocked: false,
  templates: [],
};
const rendered = {
  subject: 'Ihre Nachricht',
  body: 'Guten Tag Frau Müller,\n\nvielen Dank.',
  missing: [],
  unknown: [],
};
const files = [
  {
    id: FILE_ID,
    fileName: 'Kostenvoranschlag.pdf',
    contentType: 'application/pdf',
    size: 10,
    createdAt: '2026-03-02T08:00:00Z',
    createdBy: null,
  },
];

function stub(reply: StubReply, { mailServer = true } = {}) {
  return stubFetch({
    'GET /api/auth/session': session(salesUser, { mailServer }),
    [`GET /api/contacts/${CONTACT_ID}/email-options`]: { body: options },
    [`POST /api/contacts/${CONTACT_ID}/emails/preview`]: { body: rendered },
    [`GET /api/requests/${REQUEST_ID}/attachments`]: { body: files },
    [`POST /api/requests/${REQUEST_ID}/email-reply`]: reply,
  });
}

describe('Per E-Mail antworten', () => {
  it('answers the customer’s subject with the request number, the reply text and the chosen file', async () => {
    const { requests } = stub({ status: 201, body: requestFixture({ channel: 'email' }) });
    renderWithProviders(<EmailReplyDialog request={requestFixture({ channel: 'email' })} opened onClose={() => {}} />);
    const user = userEvent.setup({ delay: null });
    const subject = await screen.findByRole('textbox', { name: /Betreff/ }, { timeout: 5000 });
    await waitFor(() => expect(subject).toHaveValue('Re: Bitte um Rückruf [A-100123]'), { timeout: 5000 });
    expect(screen.getByRole('textbox', { name: /^Text/ })).toHaveValue('Guten Tag Frau Müller,\n\nvielen Dank.');

    await user.click(await screen.findByRole('checkbox', { name: 'Kostenvoranschlag.pdf' }));
    await user.click(screen.getByRole('button', { name: 'Senden' }));
    await waitFor(() => expect(requests.some((r) => r.path.endsWith('/email-reply'))).toBe(true));
    expect(requests.find((r) => r.path.endsWith('/email-reply'))?.body).toMatchObject({
      to: 'anna@example.test',
      subject: 'Re: Bitte um Rückruf [A-100123]',
      text: 'Guten Tag Frau Müller,\n\nvielen Dank.',
      attachmentIds: [FILE_ID],
    });
  });

  it('names empty required fields in words and sends nothing', async () => {
    const { requests } = stub({ status: 201, body: requestFixture() });
    renderWithProviders(<EmailReplyDialog request={requestFixture()} opened onClose={() => {}} />);
    const user = userEvent.setup({ delay: null });
    const subject = await screen.findByRole('textbox', { name: /Betreff/ }, { timeout: 5000 });
    await waitFor(() => expect(subject).toHaveValue('Ihre Nachricht [A-100123]'), { timeout: 5000 });
    fireEvent.change(subject, { target: { value: '' } });
    fireEvent.change(screen.getByRole('textbox', { name: /^Text/ }), { target: { value: '  ' } });
    await user.click(screen.getByRole('button', { name: 'Senden' }));
    expect(await screen.findByText('Bitte einen Betreff eingeben.')).toBeInTheDocument();
    expect(screen.getByText('Bitte einen Text eingeben.')).toBeInTheDocument();
    expect(requests.some((r) => r.path.endsWith('/email-reply'))).toBe(false);
  });

  it('words a refusal of the server', async () => {
    stub(
      problem(403, {
        detail: 'Only the assignee or a manager of the location may change this request.',
        code: 'forbidden',
      }),
    );
    renderWithProviders(<EmailReplyDialog request={requestFixture()} opened onClose={() => {}} />);
    const user = userEvent.setup({ delay: null });
    await waitFor(() => expect(screen.getByRole('textbox', { name: /Betreff/ })).not.toHaveValue(''), {
      timeout: 5000,
    });
    await user.click(screen.getByRole('button', { name: 'Senden' }));
    expect(await screen.findByRole('alert', {}, { timeout: 5000 })).toHaveTextContent(
      /Berechtigung|assignee or a manager/,
    );
  });

  it('says the reply is on its way, or that it waits because no mail server is set up', async () => {
    for (const [mailServer, words] of [
      [true, 'E-Mail an anna@example.test wird gesendet.'],
      [false, /E-Mail an anna@example\.test gespeichert\. Noch ist kein Mailserver eingerichtet/],
    ] as const) {
      stub({ status: 201, body: requestFixture({ channel: 'email' }) }, { mailServer });
      const view = renderWithProviders(
        <EmailReplyDialog request={requestFixture({ channel: 'email' })} opened onClose={() => {}} />,
      );
      const user = userEvent.setup({ delay: null });
      const subject = await screen.findByRole('textbox', { name: /Betreff/ }, { timeout: 5000 });
      await waitFor(() => expect(subject).not.toHaveValue(''), { timeout: 5000 });
      await user.click(screen.getByRole('button', { name: 'Senden' }));
      expect(await screen.findByText(words, {}, { timeout: 5000 })).toBeInTheDocument();
      view.unmount();
    }
  });
});
