import { RequestCreate } from '@shared/requests/schemas';
import type { UserActor } from '@server/http/access';
import { letterPdf } from '@server/modules/requests';
import type { Database } from '../db/client';
import type { Services } from '../services';
import { DEMO_LOGINS } from './org';

/** Letters of this morning's post at München, scanned at reception (R0.6). */
const LETTERS = [
  {
    type: 'complaint' as const,
    subject: 'Beschwerde: Lieferung schon wieder verschoben',
    priority: 'high' as const,
    lines: (name: string, city: string) => [
      name,
      city,
      '',
      'Autohaus Bergmann GmbH',
      'Verkauf',
      '',
      'Beschwerde über die Lieferung meines Neuwagens',
      '',
      'Sehr geehrte Damen und Herren,',
      'die Fahrzeuglieferung wurde erneut verschoben. Bei der Bestellung wurde mir die Lieferung',
      'für Anfang des Monats zugesagt, nun ist die Lieferung schon wieder verschoben worden,',
      'ohne dass mich jemand angerufen hat. Ich habe meinen alten Wagen bereits verkauft und',
      'bin auf das Fahrzeug angewiesen.',
      'Ich bitte um einen verbindlichen Liefertermin und einen Rückruf.',
      '',
      'Mit freundlichen Grüßen',
      name,
    ],
  },
  {
    type: 'general' as const,
    subject: 'Brief: Frage zur Rechnung der Inspektion',
    priority: 'normal' as const,
    lines: (name: string, city: string) => [
      name,
      city,
      '',
      'Sehr geehrte Damen und Herren,',
      'auf der Rechnung der letzten Inspektion ist der Austausch der Wischerblätter berechnet,',
      'die nach meinem Eindruck nicht gewechselt wurden. Ich möchte keinen Mangel unterstellen,',
      'bitte prüfen Sie das und senden Sie mir gegebenenfalls eine korrigierte Rechnung.',
      '',
      'Mit freundlichen Grüßen',
      name,
    ],
  },
];

/**
 * Two scanned letters taken in at München's reception the way reception does
 * it: the PDF uploaded, the request created, the text read by the job.
 */
export async function seedDemoLetters(services: Services, database: Database) {
  const [found] = await database.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [
    DEMO_LOGINS.reception,
  ]);
  if (!found) return;
  const desk = await services.org.getUser(found.id);
  const actor: UserActor = {
    kind: 'user',
    userId: desk.id,
    role: desk.role,
    email: desk.email,
    displayName: desk.displayName,
    homeLocationId: desk.homeLocationId,
    locationIds: desk.locationIds,
    locale: 'de',
    mustChangePassword: false,
    sessionId: 'demo',
    csrfToken: 'demo',
  };
  const senders = await database.query<{ id: string; display_name: string; city: string | null }>(
    `SELECT c.id, COALESCE(c.first_name || ' ' || c.last_name, c.display_name) AS display_name,
            (SELECT a.postal_code || ' ' || a.city FROM contact_addresses a WHERE a.contact_id = c.id LIMIT 1) AS city
       FROM contacts c
      WHERE c.home_location_id = $1 AND c.merged_into_id IS NULL AND c.kind = 'person'
        AND NOT EXISTS (SELECT 1 FROM contact_blocks b WHERE b.contact_id = c.id)
      ORDER BY c.customer_number ASC LIMIT $2`,
    [desk.homeLocationId, LETTERS.length],
  );
  for (const [i, letter] of LETTERS.entries()) {
    const sender = senders[i];
    if (!sender) continue;
    const content = await letterPdf(letter.lines(sender.display_name, sender.city ?? 'München'));
    await services.requests.letters.takeIn(
      actor,
      RequestCreate.parse({
        type: letter.type,
        channel: 'letter',
        locationId: desk.homeLocationId,
        subject: letter.subject,
        contactId: sender.id,
        priority: letter.priority,
      }),
      { fileName: `Brief ${sender.display_name}.pdf`, contentType: 'application/pdf', content, field: 'file' },
      `demo-letter-${i}`,
    );
  }
}
