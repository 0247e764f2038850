import { z } from 'zod';

/** Scanned letters reception takes in: what a scanner or a phone camera produces. */
export const LETTER_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/heic'] as const;
export type LetterType = (typeof LETTER_TYPES)[number];
export const isLetterType = (type: string): type is LetterType => (LETTER_TYPES as readonly string[]).includes(type);

/** Pages read of one letter; the rest is stored but not read. */
export const LETTER_MAX_PAGES = 10;
/** Characters of recognised text kept per letter. */
export const LETTER_TEXT_MAX = 100_000;

/** pending: the reading job has not finished; read: there is text; unread: there is none, the notes say why. */
export const LETTER_TEXT_STATUSES = ['pending', 'read', 'unread'] as const;
/** Where the text came from: the PDF's own text, OCR, or both (some pages each). */
export const LETTER_TEXT_SOURCES = ['text_layer', 'ocr', 'mixed'] as const;

/** Why (part of) a letter has no text: a text key under requests.letter.notes, with its parameters. */
export const LETTER_NOTES = [
  'ocrMissing',
  'rendererMissing',
  'pageUnreadable',
  'pagesSkipped',
  'imageUnsupported',
  'fileUnreadable',
  'timedOut',
  'noText',
  'truncated',
] as const;
export type LetterNoteKey = (typeof LETTER_NOTES)[number];
export const LetterNote = z.object({
  key: z.enum(LETTER_NOTES),
  params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
});
export type LetterNote = z.infer<typeof LetterNote>;

export const LetterText = z.object({
  requestId: z.uuid(),
  attachmentId: z.uuid().nullable(),
  fileName: z.string(),
  status: z.enum(LETTER_TEXT_STATUSES),
  source: z.enum(LETTER_TEXT_SOURCES).nullable(),
  /** Tesseract's mean word confidence over the OCR'd pages, 0–100; null without OCR. */
  confidence: z.number().nullable(),
  pages: z.number().int().nullable(),
  text: z.string().nullable(),
  notes: z.array(LetterNote),
  /** The text speaks of a complaint ("Reklamation", "Beschwerde", "Mangel") while the request is of another type. */
  suggestedType: z.enum(['complaint']).nullable(),
  readAt: z.iso.datetime().nullable(),
});
export type LetterText = z.infer<typeof LetterText>;

/** Words that suggest a complaint; reception decides, the CRM only points at it. */
export const COMPLAINT_WORDS = /\b(reklamation|reklamier\w*|beschwerde|beschwer\w*|m[äa]ngel\w*|mangelhaft\w*)\b/i;
