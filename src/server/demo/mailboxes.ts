import { findLocationByCode } from '@server/modules/org';
import { insertMailbox } from '@server/modules/mailboxes';
import type { Services } from '../services';
import type { Database } from '../db/client';

const CRLF = '\r\n';
const mail = (headers: string[], text: string) =>
  Buffer.from(
    [
      ...headers,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      text,
      '',
    ].join(CRLF),
    'utf8',
  );

/**
 * The München house's verkauf@ and service@ mailboxes, switched off (there is no mail server in
 * the demo), with a few mails read in through the real intake: two became requests, one is the
 * customer's reply on their request, one an out-of-office answer that made nothing.
 */
export async function seedDemoMailboxes(services: Services, database: Database): Promise<void> {
  const { db } = database;
  const munich = await findLocationByCode(db, 'MUC');
  if (!munich) return;
  const common = {
    locationId: munich.id,
    host: 'imap.autohaus-demo.example',
    port: 993,
    tls: true,
    enabled: false,
    secret: 'demo',
  };
  const verkauf = await insertMailbox(db, {
    ...common,
    department: 'sales',
    name: 'Verkauf München',
    address: 'verkauf@autohaus-demo.example',
    username: 'verkauf',
    defaultType: 'sales_lead',
    typeRules: [{ kind: 'subject_word', value: 'Reklamation', type: 'complaint' }],
  });
  const service = await insertMailbox(db, {
    ...common,
    department: 'service',
    name: 'Service München',
    address: 'service@autohaus-demo.example',
    username: 'service',
    defaultType: 'service_appointment',
    afterProcessing: 'move',
    moveToFolder: 'Erledigt',
  });
  const first = '<a1b2c3.demo@posteo.example>';
  const ingest = services.mailboxes.ingest;
  await ingest(verkauf, {
    uidValidity: 1,
    uid: 1,
    raw: mail(
      [
        'From: Sabine Krüger <sabine.krueger@posteo.example>',
        'To: verkauf@autohaus-demo.example',
        'Subject: Anfrage Tiguan Allspace',
        'Date: Mon, 02 Mar 2026 08:12:00 +0100',
        `Message-ID: ${first}`,
      ],
      'Guten Morgen,\n\nich habe Ihren Tiguan Allspace (Inserat 88341) gesehen. Ist er noch zu haben, und wäre eine Probefahrt am Samstag möglich?\n\nViele Grüße\nSabine Krüger',
    ),
  });
  await ingest(verkauf, {
    uidValidity: 1,
    uid: 2,
    raw: mail(
      [
        'From: Sabine Krüger <sabine.krueger@posteo.example>',
        'To: verkauf@autohaus-demo.example',
        'Subject: Re: Anfrage Tiguan Allspace',
        'Date: Mon, 02 Mar 2026 09:40:00 +0100',
        'Message-ID: <reply.demo@posteo.example>',
        `In-Reply-To: ${first}`,
        `References: ${first}`,
      ],
      'Nachtrag: Samstag ginge auch ab 11 Uhr. Mein Auto würde ich gern in Zahlung geben.\n\n> ich habe Ihren Tiguan Allspace (Inserat 88341) gesehen.',
    ),
  });
  await ingest(service, {
    uidValidity: 1,
    uid: 1,
    raw: mail(
      [
        'From: Jürgen Weiß <j.weiss@web.example>',
        'To: service@autohaus-demo.example',
        'Subject: Inspektion Golf VII',
        'Date: Mon, 02 Mar 2026 07:55:00 +0100',
        'Message-ID: <inspektion.demo@web.example>',
      ],
      'Hallo,\n\nmein Golf (M-JW 4711) braucht die 60.000-km-Inspektion. Geht nächste Woche Dienstag oder Mittwoch?\n\nGruß\nJürgen Weiß',
    ),
  });
  await ingest(service, {
    uidValidity: 1,
    uid: 2,
    raw: mail(
      [
        'From: Peter Lang <p.lang@firma.example>',
        'To: service@autohaus-demo.example',
        'Subject: Abwesenheitsnotiz: Ihr Termin',
        'Date: Mon, 02 Mar 2026 10:05:00 +0100',
        'Message-ID: <ooo.demo@firma.example>',
        'Auto-Submitted: auto-replied',
      ],
      'Ich bin bis 13.03. nicht im Büro. In dringenden Fällen wenden Sie sich an zentrale@firma.example.',
    ),
  });
}
