import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Questionnaire } from '@shared/surveys/schemas';
import { stubFetch } from '@web/test/fetch-stub';
import { adminUser, locations, session } from '@web/test/fixtures';
import { renderApp } from '@web/test/render';

const questionnaire: Questionnaire = {
  id: '0b0c0d0e-0000-4000-8000-000000000001',
  version: 3,
  name: 'Zufriedenheit nach der Fahrzeugübergabe',
  lowScoreThreshold: 6,
  createdAt: '2026-03-01T09:00:00.000Z',
  answers: 12,
  questions: [
    {
      key: 'recommendation',
      kind: 'scale',
      role: 'recommendation',
      addOn: null,
      required: true,
      text: { de: 'Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen?', en: 'How likely…?' },
    },
  ],
};

describe('Administration → Zufriedenheitsbefragung', () => {
  it('saves a changed text as the next version', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/session': session(adminUser),
      'GET /api/locations': { body: locations },
      'GET /api/surveys/questionnaire': { body: questionnaire },
      'PUT /api/surveys/questionnaire': (r) => ({
        body: { ...questionnaire, ...(r.body as object), version: 4, answers: 0 },
      }),
    });
    renderApp('/admin/satisfaction');
    const user = userEvent.setup();
    expect(await screen.findByText('Version 3 · 12 Antworten', {}, { timeout: 5000 })).toBeInTheDocument();
    const english = screen.getByRole('textbox', { name: 'Frage (Englisch)' });
    await user.clear(english);
    await user.type(english, 'How likely is it that you would recommend us?');
    await user.click(screen.getByRole('button', { name: 'Als neue Version speichern' }));
    expect(await screen.findByText('Version 4 · 0 Antworten')).toBeInTheDocument();
    const put = requests.find((r) => r.method === 'PUT');
    expect((put?.body as Questionnaire).questions[0]!.text.en).toBe('How likely is it that you would recommend us?');
  });
});
