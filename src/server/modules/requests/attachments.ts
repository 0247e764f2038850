import { and, asc, eq, inArray } from 'drizzle-orm';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_MAX_FILES,
  ATTACHMENT_TYPES,
  type Attachment,
  type AttachmentType,
  isAttachmentType,
} from '@shared/requests/attachments';
import { fieldError } from '@shared/errors/codes';
import { TEXT_MAX } from '@shared/text/limits';
import type { DbOrTx } from '@server/db/client';
import type { Actor, UserActor } from '@server/http/access';
import type { IncomingFile } from '@server/http/multipart';
import {
  type FieldError,
  NotFoundError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '@server/http/errors';
import { storableText, textProblem } from '@server/lib/input/storable';
import { assertRead } from './access';
import { inspectFile } from './file-content';
import type { RequestsContext } from './context';
import * as repo from './repo';
import { requestAttachments } from './tables';

export type { IncomingFile } from '@server/http/multipart';

const MEGABYTES = ATTACHMENT_MAX_BYTES / (1024 * 1024);
const ALLOWED = Object.values(ATTACHMENT_TYPES).join(', ');

/** The bare type without parameters ("text/plain; charset=utf-8" → "text/plain"). */
export const bareType = (contentType: string) => contentType.split(';')[0]!.trim().toLowerCase();

/**
 * Refuses the whole upload when one file is too large (413) or not what an
 * accepted kind really is (415: declared type, content or name), naming
 * each; gives every file the name it is stored under ("foto.jpg.pdf" →
 * "foto.pdf").
 */
export async function checkFiles(files: IncomingFile[], listField: string): Promise<void> {
  if (files.length > ATTACHMENT_MAX_FILES) {
    throw new PayloadTooLargeError(`At most ${ATTACHMENT_MAX_FILES} files per upload.`, [
      {
        field: listField,
        in: 'body',
        code: 'too_many',
        params: { max: ATTACHMENT_MAX_FILES },
        message: `at most ${ATTACHMENT_MAX_FILES} files`,
      },
    ]);
  }
  const tooLarge: FieldError[] = [];
  const unsupported: FieldError[] = [];
  const invalid: FieldError[] = [];
  const accepted: Array<{ file: IncomingFile; type: AttachmentType }> = [];
  for (const file of files) {
    const type = bareType(file.contentType);
    // The name is stored as text: what the database cannot hold is refused here, not by it.
    const named = `"${storableText(file.fileName).slice(0, TEXT_MAX.fileName)}"`;
    if (textProblem(file.fileName))
      invalid.push({
        field: file.field,
        in: 'body',
        code: 'unstorable_text',
        message: `${named}: the file name holds characters that cannot be stored`,
      });
    else if (file.fileName.length > TEXT_MAX.fileName)
      invalid.push({
        field: file.field,
        in: 'body',
        code: 'file_name_too_long',
        params: { max: TEXT_MAX.fileName },
        message: `${named}…: the file name is longer than ${TEXT_MAX.fileName} characters`,
      });
    else if (file.content.length > ATTACHMENT_MAX_BYTES)
      tooLarge.push({
        field: file.field,
        in: 'body',
        ...fieldError('file_too_large', { fileName: file.fileName, megabytes: MEGABYTES }),
        message: `"${file.fileName}" is larger than ${MEGABYTES} MB`,
      });
    else if (!isAttachmentType(type))
      unsupported.push({
        field: file.field,
        in: 'body',
        ...fieldError('file_type_not_accepted', { fileName: file.fileName }),
        message: `"${file.fileName}" is of type ${file.contentType || 'unknown'}; accepted are ${ALLOWED}`,
      });
    else if (file.content.length === 0)
      invalid.push({
        field: file.field,
        in: 'body',
        ...fieldError('file_empty', { fileName: file.fileName }),
        message: `"${file.fileName}" is empty`,
      });
    else accepted.push({ file, type });
  }
  if (tooLarge.length > 0) {
    throw new PayloadTooLargeError(
      `${tooLarge.length === 1 ? 'A file is' : 'Files are'} larger than ${MEGABYTES} MB.`,
      tooLarge,
    );
  }
  const names = new Map<IncomingFile, string>();
  for (const { file, type } of accepted) {
    const inspection = await inspectFile(type, file.fileName, file.content);
    if (inspection.ok) names.set(file, inspection.fileName);
    else
      unsupported.push({
        field: file.field,
        in: 'body',
        ...fieldError('file_content_mismatch', { fileName: file.fileName }),
        message: `"${file.fileName}" ${inspection.reason}`,
      });
  }
  if (unsupported.length > 0) throw new UnsupportedMediaTypeError('This kind of file is not accepted.', unsupported);
  if (invalid.length > 0) throw new ValidationError(invalid);
  for (const [file, name] of names) file.fileName = name;
}

/** Stores checked files on the request with one history entry, in the caller's transaction. */
export async function insertAttachments(
  tx: DbOrTx,
  requestId: string,
  files: IncomingFile[],
  actor: Actor,
  now: Date,
): Promise<void> {
  if (files.length === 0) return;
  const by =
    actor.kind === 'user'
      ? { createdBy: actor.userId, createdByApiKeyId: null }
      : { createdBy: null, createdByApiKeyId: actor.apiKeyId };
  const rows = await tx
    .insert(requestAttachments)
    .values(
      files.map((f) => ({
        requestId,
        fileName: f.fileName,
        contentType: bareType(f.contentType),
        size: f.content.length,
        content: f.content,
        ...by,
        createdAt: now,
      })),
    )
    .returning({ id: requestAttachments.id });
  await repo.insertEvents(tx, [
    {
      requestId,
      at: now,
      actorId: by.createdBy,
      kind: 'attachments_added',
      data: { files: files.map((f) => f.fileName), attachmentIds: rows.map((r) => r.id) },
    },
  ]);
}

/**
 * The request's own files to send with a mail, in the order given; every id must be a file of
 * this request (they were checked on upload, so what goes out is what was accepted).
 */
export async function attachmentContents(
  tx: DbOrTx,
  requestId: string,
  ids: string[],
): Promise<Array<{ fileName: string; contentType: string; content: Buffer }>> {
  if (ids.length === 0) return [];
  const rows = await tx
    .select({
      id: requestAttachments.id,
      fileName: requestAttachments.fileName,
      contentType: requestAttachments.contentType,
      content: requestAttachments.content,
    })
    .from(requestAttachments)
    .where(and(eq(requestAttachments.requestId, requestId), inArray(requestAttachments.id, ids)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const missing = ids.flatMap((id, i) => (byId.has(id) ? [] : [i]));
  if (missing.length > 0) {
    throw new ValidationError(
      missing.map((i) => ({
        field: `attachmentIds.${i}`,
        in: 'body' as const,
        ...fieldError('unknown_document', {}),
        message: 'not a file of this request',
      })),
    );
  }
  return ids.map((id) => {
    const r = byId.get(id)!;
    // The engines hand bytea back as Buffer (node-postgres) or Uint8Array (PGlite).
    return { fileName: r.fileName, contentType: r.contentType, content: Buffer.from(r.content) };
  });
}

/** Files on a request: listed and downloaded by whoever may read the request, added by them too. */
export function createAttachments(ctx: RequestsContext, loadRow: (id: string) => Promise<repo.RequestRow>) {
  const { deps, org } = ctx;

  async function list(actor: UserActor, requestId: string): Promise<Attachment[]> {
    assertRead(actor, await loadRow(requestId));
    const rows = await deps.db
      .select({
        id: requestAttachments.id,
        fileName: requestAttachments.fileName,
        contentType: requestAttachments.contentType,
        size: requestAttachments.size,
        createdAt: requestAttachments.createdAt,
        createdBy: requestAttachments.createdBy,
      })
      .from(requestAttachments)
      .where(eq(requestAttachments.requestId, requestId))
      .orderBy(asc(requestAttachments.createdAt), asc(requestAttachments.fileName));
    const users = await org.userRefs(rows.map((r) => r.createdBy).filter((id): id is string => Boolean(id)));
    return rows.map((r) => ({
      id: r.id,
      fileName: r.fileName,
      contentType: r.contentType,
      size: r.size,
      createdAt: r.createdAt.toISOString(),
      createdBy: r.createdBy ? (users.get(r.createdBy) ?? null) : null,
    }));
  }

  return {
    list,

    async add(actor: UserActor, requestId: string, files: IncomingFile[]): Promise<Attachment[]> {
      assertRead(actor, await loadRow(requestId));
      if (files.length === 0)
        throw new ValidationError([{ field: 'files', in: 'body', code: 'required', message: 'add at least one file' }]);
      await checkFiles(files, 'files');
      await deps.db.transaction((tx) => insertAttachments(tx, requestId, files, actor, deps.clock.now()));
      return list(actor, requestId);
    },

    async download(actor: UserActor, requestId: string, attachmentId: string) {
      assertRead(actor, await loadRow(requestId));
      const [row] = await deps.db
        .select()
        .from(requestAttachments)
        .where(and(eq(requestAttachments.id, attachmentId), eq(requestAttachments.requestId, requestId)));
      if (!row) throw new NotFoundError('Attachment');
      return { fileName: row.fileName, contentType: row.contentType, content: row.content };
    },
  };
}
