import { z } from 'zod';
import { UserRef } from '../common';
import { TEXT_MAX } from '../text/limits';

/** Per file. The JSON intake API carries files base64-encoded, a third larger on the wire. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** Per upload (form or API call). */
export const ATTACHMENT_MAX_FILES = 5;

/**
 * What customers and staff attach to a request: documents, photos of damage,
 * forwarded mails. Anything else (executables, archives, office macros) is refused.
 */
export const ATTACHMENT_TYPES = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'image/heic': 'HEIC',
  'image/gif': 'GIF',
  'text/plain': 'Text',
  'message/rfc822': 'E-Mail (.eml)',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (.docx)',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel (.xlsx)',
} as const;
export type AttachmentType = keyof typeof ATTACHMENT_TYPES;

/** The file name endings of each kind, the usual one first: a name must end in one of its kind's, or in none. */
export const ATTACHMENT_EXTENSIONS: Record<AttachmentType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg', 'jpe', 'jfif'],
  'image/png': ['png'],
  'image/webp': ['webp'],
  'image/heic': ['heic', 'heif'],
  'image/gif': ['gif'],
  'text/plain': ['txt', 'text', 'log'],
  'message/rfc822': ['eml'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
};
export const ATTACHMENT_TYPE_LIST = Object.keys(ATTACHMENT_TYPES) as AttachmentType[];

export const isAttachmentType = (value: string): value is AttachmentType => value in ATTACHMENT_TYPES;

export const Attachment = z.object({
  id: z.uuid(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
  createdBy: UserRef.nullable(),
});
export type Attachment = z.infer<typeof Attachment>;

/** A file in the JSON intake API. */
export const AttachmentUpload = z.object({
  fileName: z.string().trim().min(1).max(TEXT_MAX.fileName),
  contentType: z.string().trim().toLowerCase().max(120),
  /** The file's bytes, base64 (standard alphabet, padding optional). */
  contentBase64: z.string().min(1),
});
