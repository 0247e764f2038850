import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_MAX_FILES,
  ATTACHMENT_TYPE_LIST,
  isAttachmentType,
} from '@shared/requests/attachments';

/** For the file picker: only what the server accepts is offered. */
export const ACCEPT = ATTACHMENT_TYPE_LIST.join(',');

export type FileProblem =
  | { kind: 'tooMany'; max: number }
  | { kind: 'tooLarge'; name: string; megabytes: number }
  | { kind: 'type'; name: string };

/** The first reason the server would refuse these files, checked before they are sent. */
export function fileProblem(files: File[]): FileProblem | null {
  if (files.length > ATTACHMENT_MAX_FILES) return { kind: 'tooMany', max: ATTACHMENT_MAX_FILES };
  for (const file of files) {
    if (file.size > ATTACHMENT_MAX_BYTES)
      return { kind: 'tooLarge', name: file.name, megabytes: ATTACHMENT_MAX_BYTES / (1024 * 1024) };
    if (!isAttachmentType(file.type)) return { kind: 'type', name: file.name };
  }
  return null;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export const downloadUrl = (requestId: string, attachmentId: string) =>
  `/api/requests/${requestId}/attachments/${attachmentId}`;
