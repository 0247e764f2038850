import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { npsCategoryOf, npsOf } from '@shared/surveys/schemas';
import { ManualClock } from '@server/lib/clock';
import { createVehicle } from '@server/modules/vehicles/test-factories';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';
import { startSmtpServer, type TestSmtpServer } from '@test/support/smtp-server';
import { hashToken } from './invitations';

type User = TestClient & { userId: string; email: string };
let t: TestApp;
let smtp: TestSmtpServer;
let sales: User;
let manager: User;

beforeAll(async () => {
  smtp = await startSmtpServer();
  // Monday 2 March 2026, 09:00 in Berlin.
  t = await createTestApp({
    clock: new ManualClock('2026-03-02T08:00:00Z'),
    env: { SMTP_URL: smtp.url, MAIL_FROM: 'Autohaus CRM <crm@autohaus-test.de>', CRM_PUBLIC_URL: 'https://crm.test' },
  });
  sales = await t.userWithRole('sales');
  manager = await t.userWithRole('manager');
});
afterAll(async () => {
  await t.close();
  await smtp.stop();
});

let n = 0;
/** A customer with a car; with e-mail consent to marketing unless told otherwise. */
async function customer(consent: 'marketing' | 'service_reminders' | null = 'marketing') {
  n += 1;
  const email = `kunde${n}@example.test`;
  const res = await sales.post('/api/contacts', {
    salutation: 'ms',
    firstName: 'Sabine',
    lastName: `Krüger${n}`,
    homeLocationId: t.location.id,
    emails: [{ address: email, isPrimary: true }],
    ignoreDuplicates: true,
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  if (consent) {
    const c = await sales.post(`/api/contacts/${id}/consents`, {
      channel: 'email',
      purpose: consent,
      status: 'granted',
      source: 'signed_form',
    });
    expect(c.statusCode).toBeLessThan(300);
  }
  const vehicle = await createVehicle(sales, {
    make: 'Hyundai',
    model: 'Tucson',
    plate: `S-KR ${n}`,
    contacts: [{ contactId: id, role: 'owner' }],
  });
  return { id, email, vehicleId: vehicle.id as string };
}

const questionnaire = async () => (await sales.get('/api/surveys/questionnaire')).json();

async function invite(c: { id: string; vehicleId: string }) {
  const res = await sales.post('/api/surveys/invitations', { contactId: c.id, vehicleId: c.vehicleId });
  expect(res.statusCode, res.body).toBe(201);
  await t.services.jobs.worker.runDue();
  const mail = await smtp.waitForMessage((m) => m.rcptTo.includes(res.json().to));
  const token = /\/umfrage\/([A-Za-z0-9_-]+)/.exec(mail.parsed.text ?? '')![1]!;
  return { token, mail };
}

const requestsOf = async (contactId: string) =>
  t.database.query<{ type: string; channel: string; message: string; department: string | null; subject: string }>(
    'SELECT type, channel, message, department, subject FROM customer_requests WHERE contact_id = $1 ORDER BY type::text, subject',
    [contactId],
  );

const good = { overall: 9, recommendation: 10 };

describe('the questionnaire', () => {
  it('ships in German with English texts, the recommendation question and a low-score threshold of 6', async () => {
    const q = await questionnaire();
    expect(q.version).toBe(1);
    expect(q.lowScoreThreshold).toBe(6);
    const nps = q.questions.find((x: { role: string }) => x.role === 'recommendation');
    expect(nps.text.de).toBe('Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen?');
    expect(nps.text.en).toBe('How likely is it that you would recommend us?');
  });

  it('a change makes the next version; answers keep the questions they answered', async () => {
    const c = await customer();
    const before = await questionnaire();
    const answered = await sales.post('/api/surveys/responses', {
      questionnaireId: before.id,
      contactId: c.id,
      answers: good,
    });
    expect(answered.statusCode, answered.body).toBe(201);
    const changed = await manager.put('/api/surveys/questionnaire', {
      name: before.name,
      lowScoreThreshold: 6,
      questions: [...before.questions.slice(0, 2), { key: 'new_one', kind: 'yes_no', text: { de: 'Neu?', en: '' } }],
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().version).toBe(before.version + 1);
    expect((await sales.put('/api/surveys/questionnaire', changed.json())).statusCode).toBe(403);
    const [kept] = (await sales.get(`/api/contacts/${c.id}/surveys`)).json();
    expect(kept.questionnaireVersion).toBe(before.version);
    expect(kept.answers.map((a: { key: string }) => a.key)).toContain('comment');
    // Put the shipped questions back for the tests below.
    const back = await manager.put('/api/surveys/questionnaire', { ...before, lowScoreThreshold: 6 });
    expect(back.statusCode, back.body).toBe(200);
  });
});

describe('answering on the phone', () => {
  it('stores the answer as taken down by the user, on the timeline, and completes the satisfaction call', async () => {
    const c = await customer(null);
    const activity = await sales.post('/api/activities', {
      type: 'satisfaction_call',
      subject: 'Zufriedenheitsanruf',
      contactId: c.id,
      vehicleId: c.vehicleId,
      allDay: true,
      dueOn: '2026-03-02',
    });
    expect(activity.statusCode, activity.body).toBe(201);
    const q = await questionnaire();
    const res = await sales.post('/api/surveys/responses', {
      questionnaireId: q.id,
      contactId: c.id,
      vehicleId: c.vehicleId,
      activityId: activity.json().id,
      answers: { ...good, comment: '  Alles bestens, danke!  ' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      channel: 'phone',
      recommendation: 10,
      npsCategory: 'promoter',
      lowScore: false,
      complaintRequestId: null,
      answeredBy: { id: sales.userId },
    });
    const done = (await sales.get(`/api/activities/${activity.json().id}`)).json();
    expect(done).toMatchObject({ status: 'done', result: 'reached' });
    const timeline = (await sales.get(`/api/contacts/${c.id}/timeline`)).json();
    const entry = timeline.items.find((e: { kind: string }) => e.kind === 'survey');
    expect(entry.summary).toBe('Zufriedenheitsbefragung am Telefon: Weiterempfehlung 10/10 (Promoter)');
    expect(entry.body).toContain('„Alles bestens, danke!“');
    const again = await sales.post('/api/surveys/responses', {
      questionnaireId: q.id,
      contactId: c.id,
      activityId: activity.json().id,
      answers: good,
    });
    expect(again.statusCode).toBe(409);
  });

  it('names missing and wrong answers by field', async () => {
    const c = await customer(null);
    const q = await questionnaire();
    const res = await sales.post('/api/surveys/responses', {
      questionnaireId: q.id,
      contactId: c.id,
      answers: { overall: true, nonsense: 1 },
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['answers.nonsense', 'answers.overall', 'answers.recommendation']);
  });

  it('a low score takes exactly one complaint in, the answers quoted verbatim', async () => {
    const c = await customer(null);
    const q = await questionnaire();
    const comment = 'Übergabe war chaotisch,\nniemand hatte Zeit für mich.';
    const res = await sales.post('/api/surveys/responses', {
      questionnaireId: q.id,
      contactId: c.id,
      vehicleId: c.vehicleId,
      answers: { overall: 7, recommendation: 3, comment },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ lowScore: true, npsCategory: 'detractor' });
    const requests = await requestsOf(c.id);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ type: 'complaint', channel: 'phone' });
    expect(requests[0]!.message).toContain(`„${comment}“`);
    expect(requests[0]!.message).toContain('Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen?\n3/10');
    expect(requests[0]!.message).toContain('Hyundai Tucson');
  });

  it('an add-on interest becomes a request for the department that sells it, one each', async () => {
    const c = await customer(null);
    const q = await questionnaire();
    const res = await sales.post('/api/surveys/responses', {
      questionnaireId: q.id,
      contactId: c.id,
      answers: { ...good, accessories: true, tyres: false, service_package: true },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().addOnRequestIds).toHaveLength(2);
    const requests = await requestsOf(c.id);
    expect(requests.map((r) => [r.type, r.department, r.subject])).toEqual([
      ['parts', 'parts', 'Interesse an Zubehör'],
      ['service_appointment', 'service', 'Interesse an einem Servicepaket'],
    ]);
  });
});

describe('the link by e-mail', () => {
  it('goes out only with consent to marketing e-mail', async () => {
    for (const consent of [null, 'service_reminders'] as const) {
      const c = await customer(consent);
      const res = await sales.post('/api/surveys/invitations', { contactId: c.id });
      expect(res.statusCode, consent ?? 'none').toBe(409);
      expect(res.json().errors[0]).toMatchObject({ field: 'contactId', code: 'consent_missing' });
    }
  });

  it('arrives on the SMTP server with the personal link; only its hash is stored', async () => {
    const c = await customer();
    const { token, mail } = await invite(c);
    expect(mail.parsed.text).toContain(`https://crm.test/umfrage/${token}`);
    expect(mail.parsed.subject).toContain('Wie zufrieden sind Sie?');
    const rows = await t.database.query<{ token_hash: string }>(
      'SELECT token_hash FROM survey_invitations WHERE contact_id = $1',
      [c.id],
    );
    expect(rows).toEqual([{ token_hash: hashToken(token) }]);
    const view = await t.anonymous.get(`/api/public/surveys/${token}`);
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ language: 'de', firstName: 'Sabine', vehicle: 'Hyundai Tucson' });
    // Nothing else of the customer: no last name, no address, no plate.
    expect(view.body).not.toContain('Krüger');
    expect(view.body).not.toContain('S-KR');
    expect(view.body).not.toContain(c.email);
  });

  it('accepts one answer: the second gets 409; a low score by link is a web-form complaint', async () => {
    const c = await customer();
    const { token } = await invite(c);
    const answers = { overall: 2, recommendation: 1, comment: 'Nie wieder.' };
    const first = await t.anonymous.post(`/api/public/surveys/${token}`, { answers });
    expect(first.statusCode, first.body).toBe(201);
    const second = await t.anonymous.post(`/api/public/surveys/${token}`, { answers });
    expect(second.statusCode).toBe(409);
    expect((await t.anonymous.get(`/api/public/surveys/${token}`)).statusCode).toBe(409);
    const requests = await requestsOf(c.id);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ type: 'complaint', channel: 'web_form' });
    expect(requests[0]!.message).toContain('„Nie wieder.“');
    const [response] = (await sales.get(`/api/contacts/${c.id}/surveys`)).json();
    expect(response).toMatchObject({ channel: 'email', answeredBy: null, recommendation: 1 });
  });
});

describe('the report', () => {
  it('counts promoters, passives and detractors per location and consultant', async () => {
    const c = await customer(null);
    const q = await questionnaire();
    for (const recommendation of [10, 9, 8, 7, 6]) {
      const res = await manager.post('/api/surveys/responses', {
        questionnaireId: q.id,
        contactId: c.id,
        answers: { overall: 8, recommendation },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const day = t.clock.now().toISOString().slice(0, 10);
    const report = (await manager.get(`/api/reports/satisfaction?from=${day}&to=${day}`)).json();
    const mine = report.byConsultant.find((r: { key: string }) => r.key === manager.userId);
    expect(mine).toMatchObject({ responses: 5, promoters: 2, passives: 2, detractors: 1, nps: 20, averageOverall: 8 });
    expect(report.byLocation[0].label).toBe('Autohaus Test Stuttgart');
    expect((await sales.get(`/api/reports/satisfaction?from=${day}&to=${day}`)).statusCode).toBe(403);
  });

  it('NPS is the share of promoters minus the share of detractors', () => {
    expect([0, 6, 7, 8, 9, 10].map(npsCategoryOf)).toEqual([
      'detractor',
      'detractor',
      'passive',
      'passive',
      'promoter',
      'promoter',
    ]);
    expect(npsOf(0, 0, 0)).toBeNull();
    expect(npsOf(6, 3, 1)).toBe(50);
    expect(npsOf(1, 1, 1)).toBe(0);
    expect(npsOf(0, 0, 3)).toBe(-100);
    expect(npsOf(2, 0, 1)).toBe(33.3);
  });
});

// Last: moving the clock a month on ends the sessions of the users above.
describe('an expired link', () => {
  it('answers 410 once the link has expired, 404 for a token never issued', async () => {
    const c = await customer();
    const { token } = await invite(c);
    t.clock.advance(31 * 86_400_000);
    expect((await t.anonymous.get(`/api/public/surveys/${token}`)).statusCode).toBe(410);
    const late = await t.anonymous.post(`/api/public/surveys/${token}`, { answers: good });
    expect(late.statusCode).toBe(410);
    expect(late.json().type).toContain('survey-expired');
    expect((await t.anonymous.get(`/api/public/surveys/${'x'.repeat(32)}`)).statusCode).toBe(404);
    expect((await t.anonymous.get('/api/public/surveys/short')).statusCode).toBe(400);
  });
});
