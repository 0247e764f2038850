import type { MessageType } from '@shared/messages/enums';
import { timelineText } from '@shared/texts/timeline';
import type { Database } from '../db/client';
import {
  boardChannelsOf,
  ensureBoardChannels,
  insertBoardMentionRows,
  insertBoardPostRows,
  insertBoardReactionRows,
  insertBoardThreadRows,
} from '@server/modules/board';
import { blockContactIn } from '@server/modules/contacts';
import { insertMessageRows, type NewMessageRow } from '@server/modules/messages';
import { recordTimelineInBulk, type TimelineWrite } from '@server/modules/timeline';
import type { Services } from '../services';
import { DEMO_LOGINS, demoFaker } from './org';

const HOUR = 3_600_000;
const EMPTY: Record<string, string | null> = {
  internalSubject: null,
  checkEntryId: null,
  checkName: null,
  checkDay: null,
  blockReason: null,
  blockUntil: null,
  houseRule: null,
  channel: null,
};

/** Per house: what colleagues wrote down this week, oldest first (type, text, extra fields). */
const MESSAGES: Array<{ type: MessageType; text: string; details: Record<string, string> }> = [
  {
    type: 'internal',
    text: 'Neue Bankverbindung mitgeteilt, SEPA-Mandat liegt unterschrieben vor.',
    details: { internalSubject: 'bank_details' },
  },
  {
    type: 'daily_check',
    text: 'Kunde auf der Aufzeichnung vom Parkplatz beim Ausparken gegen Poller gefahren, Schaden am eigenen Wagen.',
    details: { checkName: 'Kamerakontrolle' },
  },
  {
    type: 'complaint',
    text: 'Wagen nach der Inspektion innen verschmutzt zurückbekommen, Kunde sehr verärgert.',
    details: { channel: 'phone' },
  },
  {
    type: 'wish',
    text: 'Wünscht sich Termine am Samstagvormittag für den Reifenwechsel.',
    details: { channel: 'in_person' },
  },
  {
    type: 'concern',
    text: 'Fragt, ob die Garantie beim Fremdzubehör erlischt, bitte zurückrufen.',
    details: { channel: 'written' },
  },
  {
    type: 'house_rules',
    text: 'Hat im Ausstellungsraum geraucht und auf Ansprache laut reagiert.',
    details: { houseRule: 'Hausordnung §4 Rauchverbot' },
  },
  {
    type: 'block',
    text: 'Zwei Rechnungen trotz Mahnung offen, nur noch gegen Vorkasse.',
    details: { blockReason: 'Offene Rechnungen' },
  },
  { type: 'unblock', text: 'Rechnungen heute vollständig bezahlt, Sperre bitte aufheben.', details: {} },
];

/**
 * Internal customer messages of every type in each house — the demo manager has unread ones,
 * some are acknowledged or archived, an unblock waits for confirmation — and the board: threads
 * in the group, house and department channels with replies, a mention of the demo manager,
 * reactions, one about a customer and one taken "to the board" from a message.
 */
export async function seedDemoMessages(services: Services, database: Database, { now }: { now: Date }) {
  const f = demoFaker(21);
  const locations = (await services.org.listLocations()).filter((l) => l.active);
  const people = (await services.org.directory()).filter((u) => u.active);
  const [boss] = await database.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [DEMO_LOGINS.manager]);
  const messages: NewMessageRow[] = [];
  const timeline: TimelineWrite[] = [];
  const blocks: Array<{ contactId: string; at: Date; reason: string }> = [];
  const name = new Map(people.map((p) => [p.id, p.displayName]));
  let toBoard: (NewMessageRow & { customerNumber: string; customerName: string }) | null = null;
  let linkedContact: string | null = null;

  for (const [li, location] of locations.entries()) {
    const here = people.filter((p) => p.homeLocationId === location.id);
    // The well-known demo manager is responsible for München's messages.
    const manager = (li === 0 && boss ? { id: boss.id } : null) ?? here.find((p) => p.role === 'manager');
    const reception = here.find((p) => p.role === 'reception') ?? manager;
    if (!manager || !reception) continue;
    const contacts = await database.query<{ id: string; customer_number: string; display_name: string }>(
      `SELECT id, customer_number, display_name FROM contacts
        WHERE home_location_id = $1 AND merged_into_id IS NULL AND kind = 'person'
          AND NOT EXISTS (SELECT 1 FROM contact_blocks b WHERE b.contact_id = contacts.id)
        ORDER BY customer_number DESC LIMIT 12`,
      [location.id],
    );
    linkedContact ??= contacts[9]?.id ?? null;
    for (const [i, m] of MESSAGES.entries()) {
      // The unblock is about the customer blocked just before it.
      const contact = contacts[m.type === 'unblock' ? i - 1 : i];
      if (!contact) continue;
      const createdAt = new Date(now.getTime() - (MESSAGES.length - i) * 9 * HOUR - f.number.int(60) * 60_000);
      const old = i < 2;
      const row: NewMessageRow = {
        id: f.string.uuid(),
        type: m.type,
        locationId: location.id,
        contactId: contact.id,
        responsibleId: manager.id,
        enteredById: reception.id,
        createdById: reception.id,
        text: m.text,
        details: {
          ...EMPTY,
          ...m.details,
          ...(m.type === 'daily_check' ? { checkDay: createdAt.toISOString().slice(0, 10) } : {}),
          ...(m.type === 'block' ? { blockUntil: null } : {}),
        },
        requestId: null,
        unblockState: m.type === 'unblock' ? 'pending' : null,
        confirmedById: null,
        confirmedAt: null,
        acknowledgedAt: old ? new Date(createdAt.getTime() + 2 * HOUR) : null,
        acknowledgedById: old ? manager.id : null,
        archived: i === 0,
        archivedAt: i === 0 ? new Date(createdAt.getTime() + 3 * HOUR) : null,
        archivedById: i === 0 ? manager.id : null,
        createdAt,
      };
      messages.push(row);
      if (m.type === 'block') blocks.push({ contactId: contact.id, at: createdAt, reason: m.details.blockReason! });
      if (m.type === 'house_rules' && li === 0)
        toBoard = { ...row, customerNumber: contact.customer_number, customerName: contact.display_name };
      timeline.push({
        contactId: contact.id,
        kind: 'message',
        occurredAt: createdAt,
        authorId: reception.id,
        ...timelineText('timeline.customerMessage', {
          type: m.type,
          enteredBy: name.get(reception.id) ?? '–',
          responsible: name.get(manager.id) ?? '–',
        }),
        body: m.text,
        data: { messageId: row.id, type: m.type, requestId: null },
        sourceType: 'customer_message',
        sourceId: row.id,
      });
    }
  }

  await database.db.transaction(async (tx) => {
    for (const b of blocks) await blockContactIn(tx, null, b.contactId, { reason: b.reason, until: null }, b.at);
    await insertMessageRows(tx, messages);
    await recordTimelineInBulk(tx, timeline);
    await ensureBoardChannels(tx);
    const channels = await boardChannelsOf(tx);
    const board = new BoardRows(f, now);
    const group = channels.find((c) => c.kind === 'group');
    const munich = locations[0]!;
    const munichPeople = people.filter((p) => p.homeLocationId === munich.id);
    const pick = (role: string, n = 0) =>
      munichPeople.filter((p) => p.role === role)[n]?.id ?? boss?.id ?? people[0]!.id;
    if (group) {
      board.thread(
        group.id,
        'Neue Hauspreisliste Zubehör ab Montag',
        null,
        [
          [
            pick('manager', 1),
            'Die neue Zubehör-Preisliste gilt ab Montag in allen drei Häusern. PDF liegt im Laufwerk unter Verkauf/Preise.',
          ],
          [pick('sales'), 'Gelten die alten Angebote bis zum Ablaufdatum weiter?'],
          [pick('manager', 1), 'Ja, alles was schon raus ist, bleibt wie angeboten.'],
        ],
        [['👍', [pick('sales', 1), pick('service')]]],
      );
    }
    const location = channels.find((c) => c.kind === 'location' && c.locationId === munich.id);
    if (location && boss) {
      board.thread(
        location.id,
        'Hofreinigung Freitag: Vorführwagen umparken',
        null,
        [
          [
            pick('reception'),
            'Freitag ab 7 Uhr wird der Hof gereinigt. @Leitung bitte kurz bestätigen, dass die Vorführwagen in die Halle dürfen.',
            [boss.id],
          ],
          [pick('sales'), 'Ich stelle den ID.4 und den Golf am Donnerstagabend rein.'],
        ],
        [['✅', [pick('sales', 1)]]],
      );
    }
    const department = channels.find(
      (c) => c.kind === 'department' && c.locationId === munich.id && c.department === 'sales',
    );
    if (department) {
      board.thread(
        department.id,
        'Wer übernimmt die Probefahrten am Samstag?',
        null,
        [
          [
            pick('sales'),
            'Ich bin Samstag auf der Hochzeit meiner Schwester. Kann jemand meine zwei Probefahrten übernehmen?',
          ],
          [pick('sales', 1), 'Ich nehme die um 10 Uhr.'],
          [pick('sales', 2), 'Dann mache ich die um 12 Uhr.'],
        ],
        [['🙏', [pick('sales')]]],
      );
    }
    const cologne = channels.find((c) => c.kind === 'location' && c.locationId === locations[1]?.id);
    if (cologne && linkedContact) {
      const cgn = people.filter((p) => p.homeLocationId === locations[1]!.id);
      const a = cgn.find((p) => p.role === 'service')?.id ?? cgn[0]!.id;
      const b = cgn.find((p) => p.role === 'sales')?.id ?? cgn[0]!.id;
      board.thread(
        cologne.id,
        'Stammkunde fragt nach Ersatzwagen während der Reparatur',
        linkedContact,
        [
          [a, 'Der Kunde braucht ab Dienstag für drei Tage einen Ersatzwagen, haben wir einen frei?'],
          [b, 'Der Puma ist ab Dienstag frei, ich blocke ihn.'],
        ],
        [],
      );
    }
    await insertBoardThreadRows(tx, board.threads);
    await insertBoardPostRows(tx, board.posts);
    await insertBoardMentionRows(tx, board.mentions);
    await insertBoardReactionRows(tx, board.reactions);
    const message = toBoard as (NewMessageRow & { customerNumber: string; customerName: string }) | null;
    if (message) {
      await services.board.threadFromMessageIn(tx, {
        messageId: message.id!,
        locationId: message.locationId,
        contactId: message.contactId,
        customerNumber: message.customerNumber,
        customerName: message.customerName,
        text: message.text,
        authorId: message.enteredById,
      });
    }
  });
  return { messages: messages.length };
}

type Post = [authorId: string, body: string, mentions?: string[]];

/** Board rows with ids and times drawn here: a thread's posts an hour or so apart, ending before now. */
class BoardRows {
  threads: Array<Parameters<typeof insertBoardThreadRows>[1][number]> = [];
  posts: Array<Parameters<typeof insertBoardPostRows>[1][number]> = [];
  mentions: Array<Parameters<typeof insertBoardMentionRows>[1][number]> = [];
  reactions: Array<Parameters<typeof insertBoardReactionRows>[1][number]> = [];
  constructor(
    private f: ReturnType<typeof demoFaker>,
    private now: Date,
  ) {}

  thread(
    channelId: string,
    title: string,
    contactId: string | null,
    posts: Post[],
    reactions: Array<[string, string[]]>,
  ) {
    const id = this.f.string.uuid();
    const start = this.now.getTime() - (this.threads.length + 1) * 20 * HOUR;
    const times = posts.map((_, i) => new Date(start + i * (HOUR + this.f.number.int(50) * 60_000)));
    const postIds = posts.map(() => this.f.string.uuid());
    this.threads.push({
      id,
      channelId,
      title,
      authorId: posts[0]![0],
      contactId,
      messageId: null,
      postCount: posts.length,
      createdAt: times[0]!,
      lastPostAt: times.at(-1)!,
    });
    posts.forEach(([authorId, body, mentions], i) => {
      this.posts.push({ id: postIds[i]!, threadId: id, channelId, authorId, body, createdAt: times[i]! });
      for (const userId of mentions ?? []) this.mentions.push({ postId: postIds[i]!, userId });
    });
    for (const [emoji, users] of reactions)
      for (const userId of new Set(users)) this.reactions.push({ postId: postIds[0]!, userId, emoji });
  }
}
