import { sql } from 'drizzle-orm';
import { timelineText } from '@shared/texts/timeline';
import type { ComplaintEventKind } from '@shared/complaints/events';
import type { Database } from '@server/db/client';
import { insertComplaintRows, type NewComplaintRow } from '@server/modules/complaints';
import { recordTimelineInBulk, type TimelineWrite } from '@server/modules/timeline';
import type { Services } from '@server/services';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Plan {
  status: 'new' | 'qualified' | 'in_remedy' | 'passed_on' | 'closed';
  category: string;
  severity: string;
  department: string;
  justified: 'yes' | 'no' | 'open';
  daysAgo: number;
  text: string;
  costs?: [parts: number, labour: number, goodwillManufacturer: number, goodwillDealer: number];
  satisfaction?: number;
  outcome?: string;
  passedOnTo?: string;
}

/*
 * Per location: one complaint in every state, and a history of delivery delays of the same
 * model, so that "similar cases" has something to show when the newest one is qualified.
 */
const PLANS: Plan[] = [
  {
    status: 'new',
    category: 'other',
    severity: 'medium',
    department: 'service',
    justified: 'open',
    daysAgo: 0,
    text: 'Fahrzeug wurde sechs Wochen später als zugesagt geliefert, niemand hat uns informiert.',
  },
  {
    status: 'qualified',
    category: 'invoice',
    severity: 'low',
    department: 'administration',
    justified: 'open',
    daysAgo: 1,
    text: 'Die Rechnung enthält eine Position für Scheibenwischer, die nicht getauscht wurden.',
  },
  {
    status: 'in_remedy',
    category: 'workshop_quality',
    severity: 'high',
    department: 'service',
    justified: 'yes',
    daysAgo: 9,
    text: 'Nach der Inspektion klappert es an der Heckklappe, das war vorher nicht.',
  },
  {
    status: 'passed_on',
    category: 'vehicle_defect',
    severity: 'critical',
    department: 'service',
    justified: 'yes',
    daysAgo: 20,
    text: 'Ladeklappe schließt nicht, Fehlermeldung im Display, schon zweimal in der Werkstatt.',
    passedOnTo: 'Hersteller – Produktmanagement Elektro',
    costs: [18_000, 24_000, 0, 0],
  },
  {
    status: 'closed',
    category: 'delivery_date',
    severity: 'medium',
    department: 'sales',
    justified: 'yes',
    daysAgo: 120,
    text: 'Liefertermin um vier Wochen verschoben, wir hatten das Auto für den Urlaub eingeplant.',
    costs: [0, 0, 30_000, 15_000],
    satisfaction: 4,
    outcome: 'Leihwagen für vier Wochen gestellt, Tankgutschein.',
  },
  {
    status: 'closed',
    category: 'delivery_date',
    severity: 'medium',
    department: 'sales',
    justified: 'yes',
    daysAgo: 200,
    text: 'Fahrzeug wurde drei Wochen später als zugesagt geliefert, ohne Information.',
    costs: [0, 0, 20_000, 10_000],
    satisfaction: 3,
    outcome: 'Kulanz: erste Inspektion kostenlos.',
  },
  {
    status: 'closed',
    category: 'staff_behaviour',
    severity: 'low',
    department: 'sales',
    justified: 'no',
    daysAgo: 60,
    text: 'Der Verkäufer war am Telefon kurz angebunden.',
    costs: [0, 0, 0, 0],
    satisfaction: 2,
    outcome: 'Gespräch geführt; Vorwurf nicht bestätigt.',
  },
];

export async function seedDemoComplaints(services: Services, database: Database, { now }: { now: Date }) {
  const locations = (await services.org.listLocations()).filter((l) => l.active);
  const cases: NewComplaintRow[] = [];
  const steps: Parameters<typeof insertComplaintRows>[2] = [];
  const timeline: TimelineWrite[] = [];
  // Complaint requests taken in earlier opened their cases already: the demo's cases come after them.
  const [last] = await database.query<{ n: number | null }>(
    `SELECT max(substring(number from 3)::int) AS n FROM complaint_cases`,
  );
  let number = Number(last?.n ?? 100000) + 1;
  for (const location of locations) {
    // Complaint requests first; the history borrows older requests of the location ("Als Reklamation qualifizieren").
    const requests = await database.query<{
      id: string;
      contact_id: string;
      assignee_id: string | null;
      vehicle_id: string | null;
      model: string | null;
    }>(
      `SELECT r.id, r.contact_id, r.assignee_id, v.id AS vehicle_id, lower(v.make || ' ' || v.model) AS model
         FROM customer_requests r
         LEFT JOIN LATERAL (SELECT vc.vehicle_id FROM vehicle_contacts vc WHERE vc.contact_id = r.contact_id
                             AND vc.valid_to IS NULL ORDER BY vc.valid_from LIMIT 1) own ON true
         LEFT JOIN vehicles v ON v.id = coalesce(r.vehicle_id, own.vehicle_id)
        WHERE r.location_id = $1 AND r.assignee_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM complaint_cases c WHERE c.request_id = r.id)
        ORDER BY (r.type = 'complaint') DESC, (v.id IS NOT NULL) DESC, r.received_at DESC
        LIMIT ${PLANS.length}`,
      [location.id],
    );
    // The same model for the delivery delays, so they show as "same model and category".
    const model = requests.find((r) => r.model)?.model ?? null;
    for (const [i, plan] of PLANS.entries()) {
      const request = requests[i];
      if (!request) continue;
      const openedAt = new Date(now.getTime() - plan.daysAgo * DAY - 3 * HOUR);
      const id = crypto.randomUUID();
      const caseNumber = `R-${number++}`;
      const [parts, labour, gm, gd] = plan.costs ?? [0, 0, 0, 0];
      const closed = plan.status === 'closed';
      const qualified = plan.status !== 'new';
      cases.push({
        id,
        number: caseNumber,
        requestId: request.id,
        contactId: request.contact_id,
        locationId: location.id,
        status: plan.status,
        category: qualified ? plan.category : null,
        severity: qualified ? plan.severity : null,
        department: qualified ? plan.department : null,
        justified: plan.justified,
        rootCause: closed && plan.justified === 'yes' ? 'Produktionsverschiebung im Werk' : null,
        description: plan.text,
        vehicleId: request.vehicle_id,
        model: plan.category === 'delivery_date' || plan.status === 'new' ? (model ?? request.model) : request.model,
        partsCents: parts,
        labourCents: labour,
        goodwillManufacturerCents: gm,
        goodwillDealerCents: gd,
        minutesSpent: qualified ? 30 + i * 25 : 0,
        satisfaction: plan.satisfaction ?? null,
        satisfactionScale: plan.satisfaction ? 'five' : null,
        outcome: plan.outcome ?? null,
        openedAt,
        acknowledgedAt:
          plan.status === 'in_remedy' || plan.status === 'passed_on' || closed
            ? new Date(openedAt.getTime() + 4 * HOUR)
            : null,
        closedAt: closed ? new Date(openedAt.getTime() + 6 * DAY) : null,
        passedOnAt: plan.passedOnTo ? new Date(openedAt.getTime() + 2 * DAY) : null,
        passedOnById: plan.passedOnTo ? request.assignee_id : null,
        passedOnTo: plan.passedOnTo ?? null,
        passedOnNote: null,
        version: 1,
        createdAt: openedAt,
        updatedAt: openedAt,
      });
      if (qualified) {
        // Acknowledge within a working day, resolve within a few; the one in remedy has its resolve step overdue.
        const acknowledged = plan.status !== 'qualified';
        steps.push(
          {
            id: crypto.randomUUID(),
            caseId: id,
            kind: 'acknowledge',
            title: 'Eingang bestätigen',
            responsibleId: request.assignee_id,
            dueAt: new Date(openedAt.getTime() + DAY),
            status: acknowledged ? 'done' : 'open',
            doneAt: acknowledged ? new Date(openedAt.getTime() + 4 * HOUR) : null,
            doneById: acknowledged ? request.assignee_id : null,
            escalatedAt: null,
            note: null,
            position: 1,
            createdAt: openedAt,
          },
          {
            id: crypto.randomUUID(),
            caseId: id,
            kind: 'resolve',
            title: 'Reklamation lösen',
            responsibleId: request.assignee_id,
            dueAt: new Date(openedAt.getTime() + (plan.status === 'in_remedy' ? 3 : 5) * DAY),
            status: closed ? 'done' : 'open',
            doneAt: closed ? new Date(openedAt.getTime() + 6 * DAY) : null,
            doneById: closed ? request.assignee_id : null,
            escalatedAt: plan.status === 'in_remedy' ? new Date(openedAt.getTime() + 3 * DAY) : null,
            note: null,
            position: 2,
            createdAt: openedAt,
          },
        );
      }
      const entry = (event: ComplaintEventKind, at: Date, detail: string | null): TimelineWrite => ({
        contactId: request.contact_id,
        kind: 'complaint',
        occurredAt: at,
        authorId: request.assignee_id,
        ...timelineText('timeline.complaint', { number: caseNumber, event, detail }),
        body: null,
        data: { complaintId: id, requestId: request.id, status: plan.status },
        sourceType: 'complaint',
        sourceId: id,
      });
      timeline.push(entry('opened', openedAt, null));
      if (qualified)
        timeline.push(entry('qualified', new Date(openedAt.getTime() + HOUR), `${plan.category}/${plan.severity}`));
      if (plan.passedOnTo) timeline.push(entry('passed_on', new Date(openedAt.getTime() + 2 * DAY), plan.passedOnTo));
      if (closed) timeline.push(entry('closed', new Date(openedAt.getTime() + 6 * DAY), plan.outcome ?? null));
    }
  }
  await database.db.transaction(async (tx) => {
    await insertComplaintRows(tx, cases, steps);
    await recordTimelineInBulk(tx, timeline);
    await tx.execute(sql`SELECT setval('complaint_number_seq', ${number})`);
  });
}
