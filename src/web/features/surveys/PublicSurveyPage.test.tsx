import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { PublicSurvey } from '@shared/surveys/schemas';
import { problem, stubFetch } from '@web/test/fetch-stub';
import { renderApp } from '@web/test/render';

const TOKEN = 'abcdefghijklmnopqrstuvwxyz012345';
const PATH = `/api/public/surveys/${TOKEN}`;

const survey: PublicSurvey = {
  language: 'de',
  salutation: 'ms',
  firstName: 'Sabine',
  vehicle: 'Hyundai Tucson',
  location: { name: 'Autohaus Bergmann Stuttgart', logo: null },
  questions: [
    {
      key: 'recommendation',
      kind: 'scale',
      role: 'recommendation',
      addOn: null,
      required: true,
      text: { de: 'Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen?', en: 'How likely…?' },
    },
    {
      key: 'tyres',
      kind: 'yes_no',
      role: null,
      addOn: 'tyres',
      required: false,
      text: { de: 'Interessieren Sie sich für Winterreifen?', en: 'Winter tyres?' },
    },
    {
      key: 'comment',
      kind: 'text',
      role: null,
      addOn: null,
      required: false,
      text: { de: 'Was können wir besser machen?', en: 'What could we do better?' },
    },
  ],
};

describe('the customer’s survey page', () => {
  it('greets by first name, asks for the required score, sends the answers and thanks', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/session': problem(401),
      [`GET ${PATH}`]: { body: survey },
      [`POST ${PATH}`]: { status: 201, body: { thanks: true } },
    });
    renderApp(`/umfrage/${TOKEN}`);
    const user = userEvent.setup();

    expect(await screen.findByText('Hallo Sabine,', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText(/Freude an Ihrem Hyundai Tucson/)).toBeInTheDocument();
    expect(screen.getByText('Autohaus Bergmann Stuttgart')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Antworten senden' }));
    expect(await screen.findByText('Bitte beantworten Sie diese Frage.')).toBeInTheDocument();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    const score = screen.getByRole('radiogroup', { name: /weiterempfehlen/ });
    await user.click(within(score).getByRole('radio', { name: '4' }));
    const tyres = screen.getByRole('radiogroup', { name: /Winterreifen/ });
    await user.click(within(tyres).getByRole('radio', { name: 'Ja' }));
    await user.type(screen.getByRole('textbox', { name: /besser machen/ }), 'Mehr Zeit bei der Übergabe.');
    await user.click(screen.getByRole('button', { name: 'Antworten senden' }));

    expect(await screen.findByRole('heading', { name: 'Vielen Dank!' })).toBeInTheDocument();
    const sent = requests.find((r) => r.method === 'POST');
    expect(sent?.body).toEqual({
      answers: { recommendation: 4, tyres: true, comment: 'Mehr Zeit bei der Übergabe.' },
    });
  });

  it('says in words that a link was used or has expired', async () => {
    stubFetch({ 'GET /api/auth/session': problem(401), [`GET ${PATH}`]: problem(410) });
    const { unmount } = renderApp(`/umfrage/${TOKEN}`);
    expect(await screen.findByRole('heading', { name: 'Dieser Link ist abgelaufen' })).toBeInTheDocument();
    unmount();

    stubFetch({ 'GET /api/auth/session': problem(401), [`GET ${PATH}`]: problem(409) });
    renderApp(`/umfrage/${TOKEN}`);
    expect(
      await screen.findByRole('heading', { name: 'Diese Befragung wurde bereits beantwortet' }),
    ).toBeInTheDocument();
  });
});
