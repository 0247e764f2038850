import type { ProcessTemplateInput } from '@shared/service-tickets/schemas';
import type { Database } from '../db/client';
import type { UserActor } from '../http/access';
import { ManualClock } from '../lib/clock';
import { addWorkingHours } from '../lib/working-time';
import type { Services } from '../services';

const HOUR = 3_600_000;

/** The four service activities of seed 004 with the steps a service manager would write down. */
export const DEMO_PROCESSES: ProcessTemplateInput[] = [
  {
    name: 'Wartung',
    activity: 'maintenance',
    locationId: null,
    steps: [
      {
        title: 'Termin vereinbaren und Auftrag anlegen',
        role: 'service',
        expectedHours: 0.5,
        expectedCostCents: 0,
        activityType: 'call',
      },
      {
        title: 'Fahrzeug annehmen (Dialogannahme)',
        role: 'service',
        expectedHours: 0.5,
        expectedCostCents: 0,
        activityType: 'appointment',
      },
      {
        title: 'Teile kommissionieren',
        role: 'parts',
        expectedHours: 0.5,
        expectedCostCents: 18_000,
        activityType: 'other',
      },
      {
        title: 'Wartung nach Herstellervorgabe',
        role: 'service',
        expectedHours: 3,
        expectedCostCents: 42_000,
        activityType: 'other',
      },
      {
        title: 'Rechnung erklären und Fahrzeug übergeben',
        role: 'service',
        expectedHours: 0.5,
        expectedCostCents: 0,
        activityType: 'appointment',
      },
    ],
  },
  {
    name: 'Reparatur vor Ort',
    activity: 'onsite_repair',
    locationId: null,
    steps: [
      {
        title: 'Schaden telefonisch aufnehmen',
        role: 'service',
        expectedHours: 0.5,
        expectedCostCents: 0,
        activityType: 'call',
      },
      {
        title: 'Teile bereitstellen',
        role: 'parts',
        expectedHours: 1,
        expectedCostCents: 25_000,
        activityType: 'other',
      },
      {
        title: 'Einsatz beim Kunden',
        role: 'service',
        expectedHours: 3,
        expectedCostCents: 30_000,
        activityType: 'appointment',
      },
      {
        title: 'Kunde informieren und abrechnen',
        role: 'service',
        expectedHours: 0.5,
        expectedCostCents: 0,
        activityType: 'call',
      },
    ],
  },
  {
    name: 'Werksreparatur',
    activity: 'factory_repair',
    locationId: null,
    steps: [
      {
        title: 'Diagnose und Befund',
        role: 'service',
        expectedHours: 2,
        expectedCostCents: 15_000,
        activityType: 'other',
      },
      {
        title: 'Werksauftrag beim Hersteller einreichen',
        role: 'service',
        expectedHours: 1,
        expectedCostCents: 0,
        activityType: 'email',
      },
      {
        title: 'Transport ins Werk organisieren',
        role: 'parts',
        expectedHours: 1,
        expectedCostCents: 18_000,
        activityType: 'other',
      },
      {
        title: 'Rückmeldung des Werks abwarten',
        role: 'manager',
        expectedHours: 40,
        expectedCostCents: 0,
        activityType: 'other',
      },
      {
        title: 'Fahrzeug zurück, Endkontrolle',
        role: 'service',
        expectedHours: 1,
        expectedCostCents: 0,
        activityType: 'other',
      },
      { title: 'Kunde informieren', role: 'service', expectedHours: 0.5, expectedCostCents: 0, activityType: 'call' },
    ],
  },
  {
    name: 'Garantieantrag',
    activity: 'warranty',
    locationId: null,
    steps: [
      {
        title: 'Schaden aufnehmen',
        role: 'service',
        expectedHours: 0.5,
        expectedCostCents: 0,
        activityType: 'appointment',
      },
      {
        title: 'Fotos und Diagnose',
        role: 'service',
        expectedHours: 1.5,
        expectedCostCents: 12_000,
        activityType: 'other',
      },
      {
        title: 'Antrag beim Hersteller',
        role: 'service',
        expectedHours: 1,
        expectedCostCents: 0,
        activityType: 'email',
      },
      { title: 'Freigabe abwarten', role: 'manager', expectedHours: 16, expectedCostCents: 0, activityType: 'other' },
      { title: 'Reparatur', role: 'service', expectedHours: 4, expectedCostCents: 48_000, activityType: 'other' },
      { title: 'Kunde informieren', role: 'service', expectedHours: 0.5, expectedCostCents: 0, activityType: 'call' },
    ],
  },
];

/**
 * What each house has running, by process: [process index, working hours ago it started, steps
 * done, how much of each step's time they really took]. The first house's on-site repair waits
 * past its deadline, so the deadline watch reports it to the service manager at start-up.
 */
const PLAN: Array<{ process: number; hoursAgo: number; done: number; pace: number; onlyFirstHouse?: boolean }> = [
  { process: 0, hoursAgo: 40, done: 5, pace: 0.9 },
  { process: 0, hoursAgo: 30, done: 5, pace: 1.4 },
  { process: 3, hoursAgo: 10, done: 3, pace: 1 },
  { process: 2, hoursAgo: 2, done: 1, pace: 0.8 },
  { process: 1, hoursAgo: 6, done: 0, pace: 1, onlyFirstHouse: true },
];

/**
 * Service processes for the four service activities (group-wide, version 1; the maintenance one
 * edited once, so it shows version 2) and tickets in every state: finished on time and late, in
 * progress, just started and one overdue.
 */
export async function seedDemoServiceTickets(services: Services, database: Database, { now }: { now: Date }) {
  const [admin] = await database.query<{ id: string; email: string }>(
    `SELECT id, email FROM users WHERE role IN ('admin', 'manager') AND active
      ORDER BY role = 'admin' DESC, department = 'service' DESC, created_at LIMIT 1`,
  );
  if (!admin) return;
  // The seed acts with an administrator's rights in the name of an admin or the service manager; each step is recorded as done by its own assignee below.
  const actorFor = (userId: string): UserActor => ({
    kind: 'user',
    userId,
    role: 'admin',
    email: admin.email,
    displayName: 'Demo',
    homeLocationId: '',
    locationIds: [],
    locale: 'de',
    mustChangePassword: false,
    sessionId: '',
    csrfToken: '',
  });
  const seeder = actorFor(admin.id);
  const { templates } = services.serviceTickets;
  const created = [];
  for (const input of DEMO_PROCESSES) created.push(await templates.create(seeder, input as never));
  // One edit, so the process list shows a second version.
  created[0] = await templates.update(seeder, created[0]!.id, {
    ...DEMO_PROCESSES[0]!,
    steps: DEMO_PROCESSES[0]!.steps.map((s, i) => (i === 3 ? { ...s, expectedCostCents: 44_500 } : s)),
  } as never);

  const locations = (await services.org.listLocations()).filter((l) => l.active);
  const clock = new ManualClock(now);
  const tickets = services.serviceTickets.ticketsAt(clock);
  for (const [house, location] of locations.entries()) {
    const customers = await database.query<{ id: string }>(
      `SELECT id FROM contacts WHERE home_location_id = $1 AND kind = 'person' ORDER BY customer_number LIMIT $2`,
      [location.id, PLAN.length],
    );
    for (const [i, plan] of PLAN.entries()) {
      if (plan.onlyFirstHouse && house > 0) continue;
      const contact = customers[i];
      if (!contact) continue;
      // Started that many working hours back: step back in calendar time until the location's hours add up.
      let start = new Date(now.getTime() - plan.hoursAgo * HOUR);
      while (addWorkingHours(location, start, plan.hoursAgo) > now) start = new Date(start.getTime() - HOUR);
      clock.set(start);
      let ticket = await tickets.start(seeder, {
        templateId: created[plan.process]!.id,
        contactId: contact.id,
        locationId: location.id,
        note: null,
      });
      for (let step = 0; step < plan.done && ticket.currentStep; step++) {
        const current = ticket.currentStep;
        const took = current.expectedHours * plan.pace;
        clock.set(addWorkingHours(location, clock.now(), took));
        if (clock.now() > now) clock.set(now);
        ticket = await tickets.completeStep(actorFor(current.assignee?.id ?? admin.id), ticket.id, current.id, {
          actualHours: Math.round(took * 4) / 4,
          actualCostCents: Math.round(current.expectedCostCents * (plan.pace > 1 ? 1.1 : 1)),
          note: null,
        });
      }
    }
  }
}
