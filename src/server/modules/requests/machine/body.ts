import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { fieldError } from '@shared/errors/codes';
import type { AttachmentUpload } from '@shared/requests/attachments';
import type { RequestRef } from '@shared/requests/schemas';
import { ValidationError } from '@server/http/errors';
import type { IncomingFile } from '../attachments';
import type * as repo from '../repo';

type Ref = z.infer<typeof RequestRef>;
export const refOf = (r: repo.RequestRow): Ref => ({
  id: r.id,
  number: r.number,
  subject: r.subject,
  status: r.status,
});

/** A stable hash of a request body: same content, same hash, whatever the key order. */
export function hashBody(body: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v as Record<string, unknown>)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, val]) => [k, canonical(val)]),
          )
        : v;
  return createHash('sha256')
    .update(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(canonical(body)))
    .digest('hex');
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** A base64 file of the JSON API; what is not base64 is refused naming the file, not silently garbled. */
export function decodeAttachment(file: z.output<typeof AttachmentUpload>, field: string): IncomingFile {
  const text = file.contentBase64.replace(/\s+/g, '');
  if (!BASE64.test(text) || text.length % 4 === 1) {
    throw new ValidationError([
      {
        field: `${field}.contentBase64`,
        in: 'body',
        ...fieldError('invalid_base64', { fileName: file.fileName }),
        message: `"${file.fileName}" is not valid base64`,
      },
    ]);
  }
  return { fileName: file.fileName, contentType: file.contentType, content: Buffer.from(text, 'base64'), field };
}
