import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS, DEMO_PASSWORD } from '@server/demo/org';
import { ManualClock } from '@server/lib/clock';
import { addDays, berlinInstant, startOfWeek, todayBerlin } from '@web/features/activities/time';
import { browserAvailable, launchBrowser, newPage, screenshot, startServer, type E2EServer } from './harness';
import { apiAs, logIn } from './session';

const enabled = browserAvailable();

interface ActivityRow {
  id: string;
  type: string;
  subject: string;
  status: string;
  dueOn: string | null;
}

describe.runIf(enabled)('activities in a real browser', () => {
  let server: E2EServer;
  let browser: Browser;
  // Next week's Tuesday, 09:00 in Berlin: the server's clock and the browser's show it, and move only when told.
  const day = addDays(startOfWeek(todayBerlin()), 8);
  const at = (minutes: number) => berlinInstant(day, minutes);
  const clock = new ManualClock(at(9 * 60));
  // What the first test planned, for the manager's look at the team.
  const planned = { day: '', locationId: '', owner: '' };

  beforeAll(async () => {
    server = await startServer(undefined, { clock });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a consultant plans a call from the record, is reminded when it is due, completes it and plans the test drive that follows', async () => {
    const consultant = await apiAs(server.url, DEMO_LOGINS.sales, DEMO_PASSWORD);
    const { user } = await consultant<{ user: { id: string; homeLocationId: string; displayName: string } }>(
      'GET',
      '/api/auth/session',
    );
    const customer = await consultant<{ id: string }>('POST', '/api/contacts', {
      kind: 'person',
      firstName: 'Klaus',
      lastName: 'Wiedemann',
      homeLocationId: user.homeLocationId,
      tags: [],
      phones: [{ number: '0171 5550199' }],
      emails: [],
      addresses: [],
    });

    const page = await newPage(browser, server.url);
    await page.clock.setFixedTime(clock.now());
    await logIn(page, DEMO_LOGINS.sales);
    await page.goto(`/customers/${customer.id}?tab=activities`);
    await page.getByText('Noch keine Aktivitäten').waitFor();

    // Plan a call for 11:00 today, reminded when it is due.
    await page.getByRole('button', { name: 'Aktivität planen' }).click();
    const planDialog = page.getByRole('dialog', { name: 'Aktivität planen' });
    await planDialog.getByLabel('Betreff').fill('Rückruf wegen Finanzierungsangebot');
    await planDialog.getByLabel('Ganztägig (Aufgabe für den Tag)').uncheck();
    await planDialog.getByLabel('Beginn').fill('11:00');
    await planDialog.getByLabel('Erinnerung').click();
    await page.getByRole('option', { name: 'zur Fälligkeit' }).click();
    await screenshot(page, 'activity-plan-dialog');
    await planDialog.getByLabel('Betreff').press('Enter');
    await planDialog.waitFor({ state: 'detached' });
    const row = page.getByTestId('activity-row').filter({ hasText: 'Rückruf wegen Finanzierungsangebot' });
    await row.waitFor();
    expect(await row.textContent()).toContain('11:00');

    // Not a minute early.
    // The demo consultant's own calendar reminds too as the clock moves; count this call's reminders.
    const reminders = async () =>
      (await consultant<{ items: Array<{ kind: string; title: string }> }>('GET', '/api/notifications')).items.filter(
        (n) => n.kind === 'activity.reminder' && n.title.includes('Rückruf wegen Finanzierungsangebot'),
      ).length;
    clock.set(at(10 * 60 + 59));
    await page.clock.setFixedTime(clock.now());
    await server.services.jobs.worker.runDue();
    expect(await reminders()).toBe(0);

    // At 11:00 the reminder reaches the open page live, in the bell.
    clock.set(at(11 * 60));
    await page.clock.setFixedTime(clock.now());
    await server.services.jobs.worker.runDue();
    expect(await reminders()).toBe(1);
    // It arrives live as a card beside the page; "Kunde öffnen" opens the activity on the record.
    const card = page
      .getByRole('region', { name: 'Erinnerungen' })
      .getByRole('article')
      .filter({ hasText: 'Anruf: Rückruf wegen Finanzierungsangebot' });
    await card.waitFor();
    await screenshot(page, 'activity-reminder');
    await card.getByRole('button', { name: 'Kunde öffnen' }).click();

    // The reminder opens the activity on the record; complete it with a result and a follow-up.
    const details = page.getByRole('dialog', { name: 'Details' });
    await details.getByText('Rückruf wegen Finanzierungsangebot').waitFor();
    await details.getByRole('button', { name: 'Erledigen' }).click();
    const completeDialog = page.getByRole('dialog', { name: /Erledigen: Rückruf wegen Finanzierungsangebot/ });
    await completeDialog.getByText('erreicht', { exact: true }).click();
    await completeDialog.getByLabel('Was wurde besprochen?').fill('Kunde möchte den Golf Variant Probe fahren.');
    // The rules propose a call in five days; the consultant makes it a test drive.
    await completeDialog.getByText('Vorschlag aus den Regeln: Anruf in 5 Tagen').waitFor();
    expect(await completeDialog.getByLabel('Folgeaktivität planen').isChecked()).toBe(true);
    await completeDialog.getByLabel('Art', { exact: true }).click();
    await page.getByRole('option', { name: 'Probefahrt' }).click();
    await completeDialog.getByLabel('Betreff').fill('Probefahrt Golf Variant');
    await completeDialog.getByLabel('Beginn').fill('15:00');
    await screenshot(page, 'activity-complete-dialog');
    await completeDialog.getByRole('button', { name: 'Erledigen' }).click();
    await completeDialog.waitFor({ state: 'detached' });

    const linked = (await consultant<{ items: ActivityRow[] }>('GET', `/api/activities?contactId=${customer.id}`))
      .items;
    const call = linked.find((a) => a.type === 'call')!;
    const testDrive = linked.find((a) => a.type === 'test_drive')!;
    expect(call.status).toBe('done');
    expect(testDrive).toMatchObject({ status: 'open', subject: 'Probefahrt Golf Variant' });
    await page.getByTestId('activity-row').filter({ hasText: 'Probefahrt Golf Variant' }).waitFor();

    // The test drive is in the consultant's week.
    const detail = await consultant<{ startsAt: string }>('GET', `/api/activities/${testDrive.id}`);
    const driveDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date(detail.startsAt));
    await page.goto(`/calendar?date=${driveDay}`);
    const event = page.getByTestId('time-grid').getByRole('button', { name: /Probefahrt Golf Variant/ });
    await event.waitFor();
    expect(await event.textContent()).toContain('15:00');
    await screenshot(page, 'calendar-week');
    await page.goto(`/calendar?view=month&date=${driveDay}`);
    await page
      .getByTestId('month-grid')
      .getByRole('button', { name: /Probefahrt Golf Variant/ })
      .waitFor();
    await screenshot(page, 'calendar-month');
    Object.assign(planned, { day: driveDay, locationId: user.homeLocationId, owner: user.displayName });
  });

  it("a manager sees the consultant's test drive in the team week, in the consultant's row", async () => {
    expect(planned.day).not.toBe('');
    const page = await newPage(browser, server.url);
    await page.clock.setFixedTime(clock.now());
    await logIn(page, DEMO_LOGINS.manager);
    await page.goto(`/calendar?team=${planned.locationId}&date=${planned.day}`);
    const board = page.getByTestId('team-board');
    const chip = board.getByRole('button', { name: /Probefahrt Golf Variant/ });
    await chip.waitFor();
    const cell = await chip.evaluate((node) => node.parentElement?.getAttribute('data-testid') ?? '');
    expect(cell.endsWith(`:${planned.day}`)).toBe(true);
    await screenshot(page, 'calendar-team-week');
    await page.goto(`/calendar?team=${planned.locationId}&view=day&date=${planned.day}`);
    await page
      .getByTestId('time-grid')
      .getByRole('button', { name: /Probefahrt Golf Variant/ })
      .waitFor();
    await page.getByTestId('time-grid').getByText(planned.owner).first().waitFor();
    await screenshot(page, 'calendar-team-day');
  });
});
