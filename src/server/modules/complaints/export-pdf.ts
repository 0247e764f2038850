import type { Complaint } from '@shared/complaints/schemas';
import { formatEuro, formatGermanDate, formatGermanDateTime } from '@shared/sales/format';
import type { DbOrTx } from '@server/db/client';
import { NotFoundError } from '@server/http/errors';
import { postalContact } from '@server/modules/contacts';
import { facts, Letter, letterheadFor, table } from '@server/modules/documents';

/* The case file goes to product management or the manufacturer in German, like every letter of the house. */
const CATEGORY: Record<string, string> = {
  vehicle_defect: 'Fahrzeugmangel',
  workshop_quality: 'Werkstattqualität',
  delivery_date: 'Liefertermin',
  sales_promise: 'Verkaufszusage',
  invoice: 'Rechnung',
  staff_behaviour: 'Verhalten von Mitarbeitenden',
  parts: 'Teile',
  other: 'Sonstiges',
};
const SEVERITY: Record<string, string> = { low: 'gering', medium: 'mittel', high: 'hoch', critical: 'kritisch' };
const DEPARTMENT: Record<string, string> = {
  sales: 'Verkauf',
  service: 'Service',
  parts: 'Teile',
  administration: 'Verwaltung',
};
const JUSTIFIED: Record<string, string> = { yes: 'berechtigt', no: 'unberechtigt', open: 'offen' };
const EVENT: Record<string, string> = {
  opened: 'Angelegt',
  qualified: 'Qualifiziert',
  step_added: 'Schritt angelegt',
  step_done: 'Schritt erledigt',
  step_reopened: 'Schritt wieder geöffnet',
  forwarded: 'Weitergeleitet',
  costs: 'Kosten erfasst',
  passed_on: 'Übergeben',
  closed: 'Abgeschlossen',
  escalated: 'Eskaliert (überfällig)',
};

/** The complaint as a case file on the location's letterhead: qualification, the customer's words, steps, costs, history. */
export async function renderComplaintPdf(tx: DbOrTx, complaint: Complaint, date: Date): Promise<Buffer> {
  const letterhead = await letterheadFor(tx, complaint.locationId);
  const customer = await postalContact(tx, complaint.contactId);
  if (!letterhead || !customer) throw new NotFoundError('The customer or location');
  const letter = new Letter({
    letterhead,
    title: `Reklamation ${complaint.number}`,
    fileTitle: `Reklamation ${complaint.number}`,
    date,
    recipient: complaint.passedOn ? [complaint.passedOn.to] : [],
    info: [
      ['Kundennummer', customer.customerNumber],
      ['Anliegen', complaint.requestNumber],
    ],
  });
  letter.heading('Qualifizierung');
  facts(letter, [
    ['Kunde', customer.displayName],
    ['Eingegangen', formatGermanDateTime(new Date(complaint.openedAt))],
    ['Kategorie', complaint.category ? CATEGORY[complaint.category]! : '–'],
    ['Schwere', complaint.severity ? SEVERITY[complaint.severity]! : '–'],
    ['Zuständige Abteilung', complaint.department ? DEPARTMENT[complaint.department]! : '–'],
    ['Fahrzeug', complaint.vehicle ? complaint.vehicle.label : '–'],
    ['FIN', complaint.vehicle?.vin ?? '–'],
    ['Berechtigt', JUSTIFIED[complaint.justified]!],
    ['Ursache', complaint.rootCause ?? '–'],
  ]);
  letter.heading('Schilderung des Kunden');
  letter.paragraph(complaint.description);

  if (complaint.steps.length > 0) {
    letter.heading('Maßnahmen');
    table(
      letter,
      [
        { header: 'Schritt', weight: 4 },
        { header: 'Zuständig', weight: 3 },
        { header: 'Fällig', weight: 2 },
        { header: 'Status', weight: 2 },
      ],
      complaint.steps.map((s) => ({
        cells: [
          s.title,
          s.responsible?.displayName ?? '–',
          formatGermanDate(new Date(s.dueAt)),
          s.status === 'done' && s.doneAt ? `erledigt ${formatGermanDate(new Date(s.doneAt))}` : 'offen',
        ],
      })),
    );
  }

  letter.heading('Kosten und Kulanz');
  const c = complaint.costs;
  facts(
    letter,
    [
      ['Teile', formatEuro(c.partsCents)],
      ['Arbeit', formatEuro(c.labourCents)],
      ['Kulanz Hersteller', formatEuro(c.goodwillManufacturerCents)],
      ['Kulanz Autohaus', formatEuro(c.goodwillDealerCents)],
      ['Gesamt', formatEuro(c.totalCents)],
      ['Zeitaufwand', `${c.minutesSpent} Min.`],
    ],
    { alignValues: 'right' },
  );

  if (complaint.passedOn) {
    letter.heading('Übergabe');
    facts(letter, [
      ['Übergeben an', complaint.passedOn.to],
      ['Von', complaint.passedOn.by],
      ['Am', formatGermanDateTime(new Date(complaint.passedOn.at))],
      ['Hinweis', complaint.passedOn.note ?? '–'],
    ]);
  }
  if (complaint.outcome) {
    letter.heading('Ergebnis');
    letter.paragraph(complaint.outcome);
  }

  letter.heading('Verlauf');
  table(
    letter,
    [
      { header: 'Zeitpunkt', weight: 3 },
      { header: 'Ereignis', weight: 3 },
      { header: 'Von', weight: 3 },
      { header: 'Detail', weight: 4 },
    ],
    complaint.history.map((e) => ({
      cells: [
        formatGermanDateTime(new Date(e.at)),
        EVENT[e.kind] ?? e.kind,
        e.actor ?? 'System',
        typeof e.data.detail === 'string' ? e.data.detail : '',
      ],
    })),
  );
  return letter.finish();
}
