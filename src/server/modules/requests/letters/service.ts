import { createHash } from 'node:crypto';
import { and, desc, eq, gt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { can } from '@shared/auth/policies';
import { fieldError } from '@shared/errors/codes';
import { COMPLAINT_WORDS, isLetterType, LETTER_TYPES, type LetterText } from '@shared/requests/letters';
import type { RequestCreate } from '@shared/requests/schemas';
import { defineJob } from '@server/jobs/definition';
import { assertLocation, type UserActor } from '@server/http/access';
import { ForbiddenError, UnsupportedMediaTypeError } from '@server/http/errors';
import { isUniqueViolationOf } from '@server/db/unique-violation';
import { assertRead } from '../access';
import { bareType, type IncomingFile } from '../attachments';
import type { RequestsContext } from '../context';
import type { createIntake } from '../intake';
import type * as repo from '../repo';
import { requestAttachments, requestLetters } from '../tables';
import { type LetterReading, readLetter } from './read-letter';

/** A second upload of the same file by the same house within this time is the same letter (a retry, a double click). */
const SAME_LETTER_WINDOW_MS = 15 * 60 * 1000;
export const LETTER_READ_JOB = 'request-letter-read';

const NOTHING_READ = { status: 'unread', source: null, confidence: null, pages: null, text: null } as const;

type Intake = ReturnType<typeof createIntake>;

/**
 * Letters at reception (R0.6): the scan becomes a request on the letter
 * channel with the scan attached, in one transaction; the text is read
 * afterwards by a job, so reception does not wait for OCR.
 */
export function createLetters(ctx: RequestsContext, intake: Intake, loadRow: (id: string) => Promise<repo.RequestRow>) {
  const { deps, jobs } = ctx;

  const readJob = jobs.register(
    defineJob({
      kind: LETTER_READ_JOB,
      payload: z.object({ requestId: z.uuid() }),
      // OCR takes seconds: no transaction stays open while the programs run.
      transactional: false,
      maxAttempts: 3,
      handler: async ({ requestId }, job) => {
        const [letter] = await deps.db
          .select({
            status: requestLetters.status,
            contentType: requestAttachments.contentType,
            content: requestAttachments.content,
          })
          .from(requestLetters)
          .leftJoin(requestAttachments, eq(requestAttachments.id, requestLetters.attachmentId))
          .where(eq(requestLetters.requestId, requestId));
        if (!letter || letter.status !== 'pending') return;
        const unreadable: LetterReading = { ...NOTHING_READ, notes: [{ key: 'fileUnreadable', params: {} }] };
        let reading = unreadable;
        try {
          if (letter.content && letter.contentType) {
            reading = await readLetter({ contentType: letter.contentType, content: letter.content }, deps.config.ocr);
          }
        } catch (error) {
          // A passing fault (a full temp disk) is tried again; on the last try the letter says it could not be read.
          if (job.retryAt) throw error;
          job.log.warn({ err: error, requestId }, 'scanned letter could not be read');
        }
        await deps.db
          .update(requestLetters)
          .set({ ...reading, readAt: deps.clock.now() })
          .where(and(eq(requestLetters.requestId, requestId), eq(requestLetters.status, 'pending')));
      },
    }),
  );

  /** The request an earlier upload of this letter made: by the form's key, else by the file within the window. */
  async function earlier(actor: UserActor, locationId: string, hash: string, uploadKey: string | null) {
    if (uploadKey) {
      const [byKey] = await deps.db
        .select({ requestId: requestLetters.requestId })
        .from(requestLetters)
        .where(and(eq(requestLetters.createdBy, actor.userId), eq(requestLetters.uploadKey, uploadKey)));
      if (byKey) return byKey.requestId;
    }
    const since = new Date(deps.clock.now().getTime() - SAME_LETTER_WINDOW_MS);
    const [byFile] = await deps.db
      .select({ requestId: requestLetters.requestId })
      .from(requestLetters)
      .where(
        and(
          eq(requestLetters.locationId, locationId),
          eq(requestLetters.fileHash, hash),
          gt(requestLetters.createdAt, since),
        ),
      )
      .orderBy(desc(requestLetters.createdAt))
      .limit(1);
    return byFile?.requestId ?? null;
  }

  function checkKind(file: IncomingFile): void {
    if (isLetterType(bareType(file.contentType))) return;
    throw new UnsupportedMediaTypeError('A letter is a PDF or a picture.', [
      {
        field: file.field,
        in: 'body',
        ...fieldError('file_type_not_accepted', { fileName: file.fileName }),
        message: `"${file.fileName}" is of type ${file.contentType || 'unknown'}; a letter is one of ${LETTER_TYPES.join(', ')}`,
      },
    ]);
  }

  return {
    readJob,

    /**
     * Takes a scanned letter in. Answers the request and whether it is new: a
     * repeated upload answers the request the first one made, and writes nothing.
     */
    async takeIn(
      actor: UserActor,
      body: z.output<typeof RequestCreate>,
      file: IncomingFile,
      uploadKey: string | null,
    ): Promise<{ requestId: string; created: boolean }> {
      if (!can(actor.role, 'requests.create')) throw new ForbiddenError();
      assertLocation(actor, body.locationId);
      checkKind(file);
      const hash = createHash('sha256').update(file.content).digest('hex');
      const before = await earlier(actor, body.locationId, hash, uploadKey);
      if (before) return { requestId: before, created: false };

      const prepared = await intake.prepare(actor, {
        ...body,
        channel: 'letter',
        callbackFrom: body.callbackFrom ? new Date(body.callbackFrom) : null,
        callbackTo: body.callbackTo ? new Date(body.callbackTo) : null,
        attachments: [file],
      });
      try {
        const requestId = await deps.db.transaction(async (tx) => {
          const { row } = await intake.commit(tx, prepared);
          const [attachment] = await tx
            .select({ id: requestAttachments.id })
            .from(requestAttachments)
            .where(eq(requestAttachments.requestId, row.id))
            .limit(1);
          await tx.insert(requestLetters).values({
            requestId: row.id,
            attachmentId: attachment?.id ?? null,
            locationId: row.locationId,
            fileHash: hash,
            uploadKey,
            createdBy: actor.userId,
            createdAt: deps.clock.now(),
          });
          await jobs.schedule(
            tx,
            readJob,
            { requestId: row.id },
            { runAt: deps.clock.now(), uniqueKey: `letter-read:${row.id}` },
          );
          return row.id;
        });
        return { requestId, created: true };
      } catch (error) {
        // Two uploads with the same key at the same moment: the other one made the request.
        if (!uploadKey || !isUniqueViolationOf(error, 'request_letters_upload_key_uq')) throw error;
        const other = await earlier(actor, body.locationId, hash, uploadKey);
        if (!other) throw error;
        return { requestId: other, created: false };
      }
    },

    /** The letter's text for the request page; null when the request did not come as a scanned letter. */
    async text(actor: UserActor, requestId: string): Promise<LetterText | null> {
      const row = await loadRow(requestId);
      assertRead(actor, row);
      const [letter] = await deps.db
        .select({
          attachmentId: requestLetters.attachmentId,
          fileName: sql<string | null>`${requestAttachments.fileName}`,
          status: requestLetters.status,
          source: requestLetters.source,
          confidence: requestLetters.confidence,
          pages: requestLetters.pages,
          text: requestLetters.text,
          notes: requestLetters.notes,
          readAt: requestLetters.readAt,
        })
        .from(requestLetters)
        .leftJoin(requestAttachments, eq(requestAttachments.id, requestLetters.attachmentId))
        .where(eq(requestLetters.requestId, requestId));
      if (!letter) return null;
      const suggestsComplaint = row.type !== 'complaint' && letter.text !== null && COMPLAINT_WORDS.test(letter.text);
      return {
        requestId,
        attachmentId: letter.attachmentId,
        fileName: letter.fileName ?? '',
        status: letter.status,
        source: letter.source,
        confidence: letter.confidence,
        pages: letter.pages,
        text: letter.text,
        notes: letter.notes,
        suggestedType: suggestsComplaint ? 'complaint' : null,
        readAt: letter.readAt?.toISOString() ?? null,
      };
    },
  };
}
