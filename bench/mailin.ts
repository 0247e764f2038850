import { startDovecot } from '../test/support/dovecot';
import * as mails from '../test/support/mails';
import type { Database } from '../src/server/db/client';
import type { BenchApp } from './http';

const TARGET_PER_SECOND = 50;

/**
 * Mailboxes in (R0.6): BENCH_MAILS mails (default 600) delivered into a real Dovecot on this
 * machine — four in five new customers, one in five a reply to an earlier mail, and a tenth of the
 * new ones sent to a second mailbox as well — read into requests with threading and dedup. The
 * first pass is killed halfway, between a commit and its flag; the second pass must take in the
 * rest exactly once.
 */
export async function measureMailIn(
  bench: BenchApp,
  database: Database,
  log: (line: string) => void,
): Promise<string[]> {
  const total = Number(process.env.BENCH_MAILS ?? 600);
  const verkauf = { username: 'verkauf', password: 'bench-verkauf' };
  const info = { username: 'info', password: 'bench-info' };
  const imap = await startDovecot([verkauf, info]);
  try {
    const create = (user: typeof verkauf) =>
      bench.services.mailboxes.create(bench.actor, {
        locationId: bench.actor.homeLocationId,
        department: null,
        name: `Bench ${user.username} ${Date.now()}`,
        address: `${user.username}@bench.example`,
        host: imap.host,
        port: imap.port,
        tls: false,
        username: user.username,
        secret: user.password,
        folder: 'INBOX',
        defaultType: 'general',
        typeRules: [],
        afterProcessing: 'flag',
        moveToFolder: null,
        acknowledge: false,
        enabled: false,
        pollSeconds: 60,
      });
    const [a, b] = [await create(verkauf), await create(info)];
    const run = `${Date.now()}`;
    const originals: string[] = [];
    const toA: string[] = [];
    const toB: string[] = [];
    for (let i = 0; i < total; i++) {
      if (i % 5 === 4 && originals.length > 0) {
        const parent = originals[Math.floor(i / 5) % originals.length]!;
        toA.push(
          mails.plainMail({
            from: `kunde${i}.${run}@bench.example`,
            subject: 'Re: Anfrage',
            text: `Antwort ${i}`,
            headers: [`In-Reply-To: ${parent}`],
          }),
        );
        continue;
      }
      const id = `<bench.${run}.${i}@kunde.example>`;
      originals.push(id);
      const mail = mails.plainMail({
        id,
        from: `Kunde ${i} <kunde${i}.${run}@bench.example>`,
        subject: `Anfrage ${i}`,
        text: `Ich interessiere mich für Fahrzeug ${i}.`,
      });
      toA.push(mail);
      if (i % 10 === 0) toB.push(mail);
    }
    log(`mailin: delivering ${toA.length + toB.length} mails into Dovecot …`);
    await imap.deliver(verkauf, toA);
    await imap.deliver(info, toB);
    const rowOf = async (id: string) =>
      (await import('../src/server/modules/mailboxes/repo')).findMailbox(database.db, id);
    const started = performance.now();
    let committed = 0;
    const half = Math.floor(toA.length / 2);
    await bench.services.mailboxes
      .passOnce((await rowOf(a.id))!, {
        afterCommit: () => {
          if (++committed === half) throw new Error('killed between commit and flag');
        },
      })
      .catch((error: Error) => {
        if (!error.message.startsWith('killed')) throw error;
      });
    await bench.services.mailboxes.passOnce((await rowOf(a.id))!);
    await bench.services.mailboxes.passOnce((await rowOf(b.id))!);
    const seconds = (performance.now() - started) / 1000;

    const counts = await database.query<{ mailbox_id: string; n: string; requests: string; outcome: string }>(
      `SELECT mailbox_id, outcome, count(*) AS n, count(DISTINCT request_id) AS requests
         FROM inbound_emails WHERE mailbox_id IN ($1, $2) GROUP BY mailbox_id, outcome`,
      [a.id, b.id],
    );
    const n = (box: string, outcome: string) =>
      Number(counts.find((c) => c.mailbox_id === box && c.outcome === outcome)?.n ?? 0);
    const stored = counts.reduce((s, c) => s + Number(c.n), 0);
    const newOnes = n(a.id, 'new_request');
    const replies = n(a.id, 'added_to_request');
    const copies = counts.filter((c) => c.mailbox_id === b.id).reduce((s, c) => s + Number(c.n), 0);
    const [dupRequests] = await database.query<{ n: string }>(
      `SELECT count(*) AS n FROM inbound_emails c JOIN inbound_emails o ON o.message_id = c.message_id AND o.mailbox_id = $1
        WHERE c.mailbox_id = $2 AND c.request_id IS DISTINCT FROM o.request_id`,
      [a.id, b.id],
    );
    const exact =
      stored === toA.length + toB.length &&
      newOnes === originals.length &&
      replies === toA.length - originals.length &&
      copies === toB.length &&
      Number(dupRequests!.n) === 0;
    const perSecond = stored / seconds;
    return [
      `mail in (IMAP → requests, threading + dedup): ${perSecond.toFixed(0)} mails/s, ${stored} mails in ${seconds.toFixed(1)} s ` +
        `(${newOnes} new requests, ${replies} replies on their request, ${copies} copies to a second mailbox)   target ≥ ${TARGET_PER_SECOND}/s ${perSecond >= TARGET_PER_SECOND ? '✓' : '✗'}`,
      `mail in, killed halfway between commit and flag: every mail stored exactly once ${exact ? '✓' : '✗'}`,
    ];
  } finally {
    await imap.stop();
  }
}
