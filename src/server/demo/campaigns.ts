import type { Database } from '../db/client';
import type { UserActor } from '../http/access';
import { writeConsents } from '../modules/contacts';
import type { Services } from '../services';
import { DEMO_LOGINS } from './org';

/*
 * Two campaigns for München's demo manager: a letter campaign to the customers who consented to
 * advertising letters, started and with responses marked, and an e-mail campaign for the
 * customers in phase 3 (months 29–36 after delivery), planned but not started.
 */

const LETTER_BODY = `{{anrede}},

der Frühling kommt – und mit ihm unser Frühjahrs-Check: Räder wechseln, Klimaanlage prüfen, Wischerblätter erneuern, alles an einem Termin.

Vereinbaren Sie Ihren Termin einfach telefonisch oder bei Ihrem Serviceberater. Als Stammkunde erhalten Sie 10 % auf Arbeitslohn.

Mit freundlichen Grüßen
Ihr Autohaus Bergmann`;

const EMAIL_BODY = `{{anrede}},

Ihr Fahrzeug ist nun fast drei Jahre bei Ihnen – Zeit, über das nächste nachzudenken. Wir bewerten Ihren Wagen kostenlos und zeigen Ihnen, was ein Umstieg im Monat kostet.

Antworten Sie einfach auf diese E-Mail, und wir melden uns mit einem Terminvorschlag.

Mit freundlichen Grüßen
Ihr Autohaus Bergmann`;

export async function seedDemoCampaigns(services: Services, database: Database, { now }: { now: Date }) {
  const [boss] = await database.query<{
    id: string;
    email: string;
    first_name: string;
    last_name: string;
    home_location_id: string;
  }>('SELECT id, email, first_name, last_name, home_location_id FROM users WHERE email = $1', [DEMO_LOGINS.manager]);
  if (!boss) return;
  const actor: UserActor = {
    kind: 'user',
    userId: boss.id,
    role: 'manager',
    email: boss.email,
    displayName: `${boss.first_name} ${boss.last_name}`,
    homeLocationId: boss.home_location_id,
    locationIds: [boss.home_location_id],
    locale: 'de',
    mustChangePassword: false,
    sessionId: 'demo',
    csrfToken: 'demo',
  };

  // Some München customers signed the consent form for advertising letters at their last visit.
  const signed = await database.query<{ id: string }>(
    `SELECT id FROM contacts WHERE home_location_id = $1 AND merged_into_id IS NULL AND kind = 'person'
      ORDER BY customer_number LIMIT 40`,
    [boss.home_location_id],
  );
  await database.db.transaction(async (tx) => {
    for (const { id } of signed) {
      await writeConsents(
        tx,
        null,
        id,
        [
          {
            channel: 'letter',
            purpose: 'marketing',
            status: 'granted',
            effectiveAt: new Date(now.getTime() - 60 * 86_400_000),
            source: 'signed_form',
          },
        ],
        now,
      );
    }
  });

  const letter = await services.campaigns.create(actor, {
    name: 'Frühjahrs-Check',
    channel: 'letter',
    locationId: boss.home_location_id,
    filter: { locationIds: [boss.home_location_id] },
    subject: 'Ihr Frühjahrs-Check',
    body: LETTER_BODY,
  });
  const count = await services.campaigns.count(actor, 'letter', letter.filter);
  await services.campaigns.start(actor, letter.id, count.recipients);
  const recipients = await services.campaigns.recipients(actor, letter.id, 0, 40);
  const marks: Array<['replied' | 'appointment' | 'request_created', number]> = [
    ['appointment', 0],
    ['appointment', 3],
    ['appointment', 7],
    ['replied', 5],
    ['replied', 9],
    ['request_created', 3],
  ];
  for (const [response, index] of marks) {
    const recipient = recipients.items[index];
    if (recipient) await services.campaigns.markResponse(actor, letter.id, recipient.id, response, true);
  }

  await services.campaigns.create(actor, {
    name: 'Phase 3: Zeit für ein neues Fahrzeug',
    channel: 'email',
    locationId: boss.home_location_id,
    filter: { phases: ['reorientation'], locationIds: [boss.home_location_id] },
    subject: '{{anrede}}, Ihr Fahrzeug wird drei Jahre alt',
    body: EMAIL_BODY,
  });
}
