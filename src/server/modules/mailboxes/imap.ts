import { ImapFlow } from 'imapflow';
import { PROCESSED_KEYWORD } from '@shared/mailboxes/enums';
import type { Ingest, Ingested } from './ingest';
import type { MailboxRow } from './repo';
import * as repo from './repo';
import type { DbOrTx } from '@server/db/client';

/** What connecting needs; the secret is passed apart from the row so a test connection can try a new one. */
export type ImapSettings = Pick<MailboxRow, 'host' | 'port' | 'tls' | 'username' | 'folder'> & {
  secret: string | null;
};

/** A client that gives up on a dead or silent server within seconds instead of hanging a reader. */
export function imapClient(s: ImapSettings): ImapFlow {
  const client = new ImapFlow({
    host: s.host,
    port: s.port,
    secure: s.tls,
    auth: { user: s.username, pass: s.secret ?? '' },
    logger: false,
    connectionTimeout: 15_000,
    greetingTimeout: 10_000,
    socketTimeout: 5 * 60_000,
    // IDLE soon after a pass, so a new mail is told at once; renewed before routers drop a quiet connection.
    autoIdleDelay: 1_000,
    maxIdleTime: 4 * 60_000,
    // A server that offers STARTTLS on the plain port is spoken to encrypted; our own certificate checks stay on.
    tls: { rejectUnauthorized: true },
  });
  // An error event without a listener would end the process: the reader learns of it through the closed connection.
  client.on('error', () => {});
  return client;
}

export interface PassOptions {
  /** How many mails to take at most in this pass (the rest wait for the next). */
  batch?: number;
  /** Called after a mail's transaction committed, before it is flagged on the server (tests stop a reader here). */
  afterCommit?: (uid: number, result: Ingested) => void | Promise<void>;
}

export interface PassResult {
  seen: number;
  stored: number;
  lastMailAt: Date | null;
}

/**
 * One pass over the mailbox's folder: every mail without our keyword, oldest first, is taken
 * in and then flagged (\Seen + keyword) or moved, only after its transaction committed. A mail
 * stored before but not flagged (a crash in between) is flagged now, not taken in again.
 * Nothing is ever deleted.
 */
export async function readPass(
  db: DbOrTx,
  client: ImapFlow,
  mailbox: MailboxRow,
  ingest: Ingest,
  options: PassOptions = {},
): Promise<PassResult> {
  if (mailbox.afterProcessing === 'move' && mailbox.moveToFolder) {
    // The folder for processed mails is made once when missing; "already exists" is the usual answer.
    await client.mailboxCreate(mailbox.moveToFolder).catch(() => {});
  }
  const opened = await client.mailboxOpen(mailbox.folder);
  const uidValidity = Number(opened.uidValidity);
  const found = await client.search({ unKeyword: PROCESSED_KEYWORD }, { uid: true });
  const uids = (found || []).sort((a, b) => a - b).slice(0, options.batch ?? 500);
  const result: PassResult = { seen: uids.length, stored: 0, lastMailAt: null };
  const already = await repo.storedUids(db, mailbox.id, uidValidity, uids);
  // A chunk is fetched in one command and flagged in one after its mails are committed: a crash in
  // between leaves committed mails unflagged, which the next pass flags without taking them in again.
  for (let i = 0; i < uids.length; i += CHUNK) {
    const chunk = uids.slice(i, i + CHUNK);
    const wanted = chunk.filter((uid) => !already.has(uid));
    const fetched = wanted.length
      ? await client.fetchAll(wanted.join(','), { uid: true, source: true }, { uid: true })
      : [];
    const done: number[] = chunk.filter((uid) => already.has(uid));
    let failed = false;
    try {
      for (const message of fetched.sort((a, b) => a.uid - b.uid)) {
        if (!message.source) continue;
        const outcome = await ingest(mailbox, { uidValidity, uid: message.uid, raw: message.source });
        if (outcome.stored) {
          result.stored += 1;
          result.lastMailAt = new Date();
        }
        await options.afterCommit?.(message.uid, outcome);
        done.push(message.uid);
      }
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      // What was committed is flagged even when a later mail of the chunk failed (that failure is the one reported).
      if (done.length)
        await markDone(client, mailbox, done).catch((e: unknown) => {
          if (!failed) throw e;
        });
    }
  }
  return result;
}

const CHUNK = 25;

async function markDone(client: ImapFlow, mailbox: MailboxRow, uids: number[]): Promise<void> {
  const range = uids.join(',');
  if (mailbox.afterProcessing === 'move' && mailbox.moveToFolder) {
    await client.messageFlagsAdd(range, [PROCESSED_KEYWORD], { uid: true });
    const moved = await client.messageMove(range, mailbox.moveToFolder, { uid: true });
    if (!moved) throw new Error(`Die E-Mails konnten nicht in den Ordner „${mailbox.moveToFolder}“ verschoben werden.`);
    return;
  }
  await client.messageFlagsAdd(range, ['\\Seen', PROCESSED_KEYWORD], { uid: true });
}

/** Connects, opens the folder and says how many mails it holds: for the admin's "test connection". */
export async function testConnection(
  s: ImapSettings,
): Promise<{ ok: true; messages: number } | { ok: false; error: string }> {
  const client = imapClient(s);
  try {
    await client.connect();
    const opened = await client.mailboxOpen(s.folder);
    return { ok: true, messages: opened.exists };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/** An IMAP failure in words staff can act on: the server's answer when it gave one. */
export function describeError(error: unknown): string {
  const e = error as { message?: string; responseText?: string; authenticationFailed?: boolean; code?: string };
  if (e.authenticationFailed) return 'Anmeldung abgelehnt: Benutzername oder Passwort falsch.';
  const words = e.responseText ?? e.message ?? String(error);
  return (e.code ? `${e.code}: ${words}` : words).slice(0, 500);
}
