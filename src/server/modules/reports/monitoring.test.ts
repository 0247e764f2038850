import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient, testLocation } from '@test/support/app';
import { ManualClock } from '@server/lib/clock';
import { addWorkingDays } from '@server/lib/working-time';
import { contacts } from '../contacts/tables';
import { users } from '../org/tables';
import { contactAttempts, customerRequests } from '../requests/tables';

/** Berlin wall-clock time in March 2026 (CET). */
const berlin = (local: string) => new Date(`${local}+01:00`);

let t: TestApp;
let locationB: string;
type User = Awaited<ReturnType<TestApp['userWithRole']>>;
let salesA: User;
let serviceA: User;
let managerA: User;
let admin: TestClient;
const ids: Record<string, string> = {};

type Seed = {
  name: string;
  at: string;
  location?: string;
  type?: 'sales_lead' | 'service_appointment' | 'callback';
  assignee?: string | null;
  status?: 'assigned' | 'in_progress' | 'done' | 'lost';
  closedAt?: string;
  lostReason?: 'price';
  /** The configured deadline in working days (default: the standard's one). */
  deadlineDays?: number;
  attempts?: Array<[string, 'phone' | 'email', 'no_answer' | 'reached' | 'email_sent']>;
};

async function seed(s: Seed) {
  const { db } = t.database;
  const loc = await t.services.org.getLocation(s.location ?? t.location.id);
  const receivedAt = berlin(s.at);
  const [contact] = await db
    .insert(contacts)
    .values({
      kind: 'person',
      customerNumber: `T-${s.name}`,
      homeLocationId: loc.id,
      lastName: s.name,
      displayName: s.name,
      searchName: s.name.toLowerCase(),
    })
    .returning();
  const attempts = (s.attempts ?? []).map(([at, channel, outcome]) => ({ at: berlin(at), channel, outcome }));
  const [request] = await db
    .insert(customerRequests)
    .values({
      number: `A-${s.name}`,
      type: s.type ?? 'sales_lead',
      channel: 'phone',
      locationId: loc.id,
      subject: `Anfrage ${s.name}`,
      contactId: contact!.id,
      assigneeId: s.assignee ?? null,
      status: s.status ?? 'assigned',
      outcome: s.status === 'done' ? 'Termin vereinbart' : null,
      lostReason: s.lostReason ?? null,
      receivedAt,
      firstContactDueAt: addWorkingDays(loc, receivedAt, s.deadlineDays ?? 1),
      firstContactedAt: attempts[0]?.at ?? null,
      closedAt: s.closedAt ? berlin(s.closedAt) : null,
    })
    .returning();
  if (attempts.length) await db.insert(contactAttempts).values(attempts.map((a) => ({ ...a, requestId: request!.id })));
  ids[s.name] = request!.id;
}

beforeAll(async () => {
  // Sessions must be fresh at the time the reports are asked for.
  t = await createTestApp({ clock: new ManualClock('2026-03-12T10:00:00Z') });
  locationB = (
    await t.services.org.createLocation(
      null,
      testLocation({ code: 'BBB', name: 'Autohaus Test Berlin', federalState: 'BE' }),
    )
  ).id;
  salesA = await t.userWithRole('sales');
  serviceA = await t.userWithRole('service');
  managerA = await t.userWithRole('manager');
  await t.userWithRole('manager', { locationId: locationB });
  admin = await t.userWithRole('admin');
  await t.database.db.update(users).set({ department: 'sales' }).where(eq(users.id, salesA.userId));
  await t.database.db.update(users).set({ department: 'service' }).where(eq(users.id, serviceA.userId));

  // Thursday 5 and Friday 6 March 2026 at location A (Stuttgart, closed at weekends).
  await seed({
    name: 'Weekend',
    at: '2026-03-06T16:00',
    assignee: salesA.userId,
    status: 'in_progress',
    attempts: [
      ['2026-03-09T09:00', 'phone', 'no_answer'],
      ['2026-03-09T10:00', 'phone', 'reached'],
    ],
  });
  await seed({
    name: 'Late',
    at: '2026-03-05T09:00',
    assignee: salesA.userId,
    status: 'done',
    closedAt: '2026-03-06T12:00',
    attempts: [['2026-03-06T11:00', 'phone', 'reached']],
  });
  await seed({ name: 'Forgotten', at: '2026-03-05T10:00', type: 'service_appointment', assignee: null });
  await seed({
    name: 'Lost',
    at: '2026-03-05T11:00',
    assignee: serviceA.userId,
    status: 'lost',
    lostReason: 'price',
    closedAt: '2026-03-06T15:00',
    attempts: [
      ['2026-03-05T11:30', 'email', 'email_sent'],
      ['2026-03-05T14:00', 'phone', 'reached'],
    ],
  });
  await seed({
    name: 'DoneLater',
    at: '2026-03-05T13:00',
    type: 'callback',
    assignee: managerA.userId,
    status: 'done',
    closedAt: '2026-03-09T12:00',
    attempts: [['2026-03-05T14:00', 'phone', 'reached']],
  });
  await seed({ name: 'Before', at: '2026-03-04T17:00' });
  await seed({ name: 'InB', at: '2026-03-05T09:30', location: locationB });
}, 180_000);
afterAll(() => t.close());

const range = 'from=2026-03-05&to=2026-03-06';

describe('daily monitoring', () => {
  it('counts received, contacted within one working day, attempts and outcomes per location', async () => {
    const res = await managerA.get(`/api/reports/monitoring?${range}`);
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.rows).toHaveLength(1);
    expect(report.rows[0]).toMatchObject({
      key: t.location.id,
      label: 'Autohaus Test Stuttgart',
      received: 5,
      // Weekend (Friday 16:00, contacted Monday 09:00), Lost and DoneLater in time; Late and Forgotten not.
      contactedWithinOneWorkingDay: 3,
      contactedWithinOneWorkingDayPct: 60,
      attempts: 6,
      attemptsByChannel: { phone: 5, email: 1, sms: 0, letter: 0, in_person: 0 },
      // As at Friday night: DoneLater was still open then; Forgotten was overdue.
      open: 3,
      overdue: 1,
      done: 1,
      lost: 1,
      lostReasons: expect.objectContaining({ price: 1, other: 0 }),
    });
    expect(report.total).toMatchObject({ key: 'total', label: 'Gesamt', received: 5 });
  });

  it('groups by team (department at the location) and by person', async () => {
    const teams = (await managerA.get(`/api/reports/monitoring?${range}&groupBy=team`)).json();
    const byKey = Object.fromEntries(
      teams.rows.map((r: { key: string; received: number; label: string }) => [r.key, r]),
    );
    expect(byKey[`${t.location.id}:sales`]).toMatchObject({ received: 2, label: 'Autohaus Test Stuttgart · Verkauf' });
    expect(byKey[`${t.location.id}:service`]).toMatchObject({ received: 2 }); // Forgotten (unassigned service) + Lost
    expect(byKey[`${t.location.id}:none`]).toMatchObject({ received: 1 });

    const people = (await managerA.get(`/api/reports/monitoring?${range}&groupBy=person`)).json();
    const sales = people.rows.find((r: { key: string }) => r.key === salesA.userId);
    expect(sales).toMatchObject({
      received: 2,
      contactedWithinOneWorkingDay: 1,
      contactedWithinOneWorkingDayPct: 50,
      done: 1,
    });
    expect(people.rows.find((r: { key: string }) => r.key === 'unassigned')).toMatchObject({
      label: 'Nicht zugewiesen',
      received: 1,
      overdue: 1,
    });
  });

  it('drills down to the requests behind a figure', async () => {
    const late = await managerA.get(`/api/reports/monitoring/requests?${range}&key=${t.location.id}&measure=late`);
    expect(late.statusCode).toBe(200);
    expect(
      late
        .json()
        .map((r: { number: string }) => r.number)
        .sort(),
    ).toEqual(['A-Forgotten', 'A-Late']);
    const overdue = (await managerA.get(`/api/reports/monitoring/requests?${range}&key=total&measure=overdue`)).json();
    expect(overdue).toEqual([
      expect.objectContaining({ number: 'A-Forgotten', overdue: true, assignee: null, attemptCount: 0 }),
    ]);
    const mine = (
      await managerA.get(`/api/reports/monitoring/requests?${range}&groupBy=person&key=${salesA.userId}`)
    ).json();
    expect(mine.map((r: { number: string }) => r.number).sort()).toEqual(['A-Late', 'A-Weekend']);
  });

  it('shows a manager only their own locations', async () => {
    const forB = await managerA.get(`/api/reports/monitoring?${range}&locationId=${locationB}`);
    expect(forB.statusCode).toBe(403);
    const drillB = await managerA.get(`/api/reports/monitoring/requests?${range}&locationId=${locationB}&key=total`);
    expect(drillB.statusCode).toBe(403);
    const all = (await admin.get(`/api/reports/monitoring?${range}`)).json();
    expect(all.rows.map((r: { key: string }) => r.key).sort()).toEqual([t.location.id, locationB].sort());
    expect(all.total.received).toBe(6);
  });

  it('is for managers and admins only', async () => {
    expect((await salesA.get(`/api/reports/monitoring?${range}`)).statusCode).toBe(403);
    const bad = await managerA.get('/api/reports/monitoring?from=2026-03-06&to=2026-03-05');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('to');
  });

  it('exports the report as CSV for Excel (BOM, semicolons, German headers)', async () => {
    const res = await managerA.get(`/api/reports/monitoring.csv?${range}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^Standort;Eingegangen;Kontaktiert innerhalb 1 Arbeitstag;Quote in %;/);
    expect(lines[1]).toMatch(/^Autohaus Test Stuttgart;5;3;60,0;3;60,0;6;/);
    expect(lines.at(-1)).toMatch(/^Gesamt;5;3;60,0;3;60,0;/);
  });

  it('sends each manager one e-mail with yesterday’s figures for their locations', async () => {
    const outbox = () =>
      t.database.query<{ to: string[]; subject: string; text: string }>(
        `SELECT "to", subject, text FROM outbox_emails WHERE related_type = 'daily_summary' ORDER BY subject`,
      );
    t.clock.set('2026-03-06T05:00:00Z'); // Friday 06:00 Berlin: plans the 07:00 run
    await t.services.jobs.worker.runDue();
    expect(await outbox()).toHaveLength(0);
    t.clock.set('2026-03-06T06:00:00Z');
    await t.services.jobs.worker.runDue();
    const mails = await outbox();
    const managers = await t.database.query(`SELECT id FROM users WHERE role = 'manager' AND active`);
    expect(mails).toHaveLength(managers.length);
    const toA = mails.find((m) => m.to.includes(managerA.email))!;
    expect(toA.subject).toBe('Tagesübersicht Kundenanfragen 05.03.2026: 4 eingegangen, 0 überfällig');
    expect(toA.text).toContain('Autohaus Test Stuttgart');
    expect(toA.text).not.toContain('Autohaus Test Berlin');
  }, 60_000);

  it('writes the summary in the manager’s own language', async () => {
    await t.database.query(`UPDATE users SET locale = 'en' WHERE email = $1`, [managerA.email]);
    try {
      t.clock.set('2026-03-07T06:00:00Z'); // Saturday 07:00 Berlin: Friday's figures
      await t.services.jobs.worker.runDue();
      const [mail] = await t.database.query<{ subject: string; text: string }>(
        `SELECT subject, text FROM outbox_emails WHERE related_type = 'daily_summary' AND $1 = ANY("to") AND subject LIKE 'Daily%'`,
        [managerA.email],
      );
      expect(mail!.subject).toMatch(/^Daily customer requests 06\/03\/2026: \d+ received, \d+ overdue$/);
      expect(mail!.text).toMatch(/^Good morning /);
      expect(mail!.text).toMatch(/^Location\s+Received\s+≤1 WD\s+Rate/m);
      expect(mail!.text).not.toContain('Eingang');
    } finally {
      await t.database.query(`UPDATE users SET locale = 'de' WHERE email = $1`, [managerA.email]);
    }
  }, 60_000);
});

describe('the standard’s one working day next to the configured deadline', () => {
  let manager: TestClient;
  const monday = 'from=2026-03-02&to=2026-03-03';
  beforeAll(async () => {
    t.clock.set('2026-03-12T10:00:00Z');
    manager = await t.login(managerA.email);
    // A manager set ten working days for these; the standard (R3.3) still wants one.
    await seed({
      name: 'Patient',
      at: '2026-03-02T09:00',
      deadlineDays: 10,
      attempts: [['2026-03-04T10:00', 'phone', 'reached']],
    });
    await seed({
      name: 'Quick',
      at: '2026-03-03T11:00',
      deadlineDays: 10,
      attempts: [['2026-03-03T15:00', 'phone', 'reached']],
    });
    await seed({ name: 'Waiting', at: '2026-03-03T09:00', deadlineDays: 10 });
    // Monday 5 January 2026, 16:00; Tuesday is Epiphany, a public holiday in Baden-Württemberg.
    await seed({
      name: 'Epiphany',
      at: '2026-01-05T16:00',
      deadlineDays: 10,
      attempts: [['2026-01-07T15:30', 'phone', 'reached']],
    });
  });

  const numbers = (res: { json(): Array<{ number: string }> }) =>
    res
      .json()
      .map((r) => r.number)
      .sort();

  it('counts contacted within one working day apart from contacted within the deadline', async () => {
    const report = (await manager.get(`/api/reports/monitoring?${monday}`)).json();
    expect(report.rows[0]).toMatchObject({
      received: 3,
      contactedWithinOneWorkingDay: 1,
      contactedWithinOneWorkingDayPct: 33.3,
      contactedWithinDeadline: 2,
      contactedWithinDeadlinePct: 66.7,
    });
    const drill = (measure: string) =>
      manager.get(`/api/reports/monitoring/requests?${monday}&key=total&measure=${measure}`);
    expect(numbers(await drill('contacted_one_day'))).toEqual(['A-Quick']);
    expect(numbers(await drill('late_one_day'))).toEqual(['A-Patient', 'A-Waiting']);
    expect(numbers(await drill('contacted'))).toEqual(['A-Patient', 'A-Quick']);
    expect(numbers(await drill('late'))).toEqual([]);
  });

  it('counts the working day by the location’s opening hours and its federal state’s holidays', async () => {
    const report = (await manager.get('/api/reports/monitoring?from=2026-01-05&to=2026-01-05')).json();
    // Due Wednesday 16:00: Tuesday is a holiday there.
    expect(report.total).toMatchObject({ received: 1, contactedWithinOneWorkingDay: 1, contactedWithinDeadline: 1 });
  });

  it('exports both figures as CSV and puts them into the morning e-mail', async () => {
    const csv = (await manager.get(`/api/reports/monitoring.csv?${monday}`)).body.replace(/^\uFEFF/, '').split('\r\n');
    expect(csv[0]).toMatch(
      /^Standort;Eingegangen;Kontaktiert innerhalb 1 Arbeitstag;Quote in %;Kontaktiert in der Frist;Quote Frist in %;Kontaktversuche;/,
    );
    expect(csv[1]).toMatch(/^Autohaus Test Stuttgart;3;1;33,3;2;66,7;2;/);

    await t.services.reports.sendDailySummaries(new Date('2026-03-04T06:00:00Z'));
    const [mail] = await t.database.query<{ text: string }>(
      `SELECT text FROM outbox_emails WHERE related_type = 'daily_summary' AND $1 = ANY("to") AND subject LIKE '%03.03.2026%'`,
      [managerA.email],
    );
    const lines = mail!.text.split('\n');
    const header = lines.find((l) => l.startsWith('Standort'))!;
    expect(header.split(/\s{2,}/)).toEqual([
      'Standort',
      'Eingang',
      '≤1 AT',
      'Quote',
      'In Frist',
      'Quote',
      'Versuche',
      'Offen',
      'Überfällig',
      'Erledigt',
      'Verloren',
    ]);
    const stuttgart = lines.find((l) => l.startsWith('Autohaus Test Stuttgart'))!;
    expect(stuttgart.split(/\s{2,}/).slice(1, 6)).toEqual(['2', '1', '50,0 %', '1', '50,0 %']);
    expect(mail!.text).toContain('≤1 AT = innerhalb eines Arbeitstags kontaktiert');
  });
});
