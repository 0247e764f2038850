import { fileTypeFromBuffer, supportedExtensions } from 'file-type';
import { ATTACHMENT_EXTENSIONS, ATTACHMENT_TYPES, type AttachmentType } from '@shared/requests/attachments';

/*
 * What a file really is, whatever its sender declared: the declared type and
 * the name are the sender's word, the bytes are not. Binary kinds are
 * recognised by their signature (file-type); text kinds must be text.
 */

/** Signatures file-type knows that are programs or installers: never stored, whatever they are called. */
const PROGRAMS = new Set([
  'exe',
  'elf',
  'macho',
  'class',
  'wasm',
  'jar',
  'apk',
  'crx',
  'xpi',
  'deb',
  'rpm',
  'cab',
  'lnk',
  'swf',
  'chm',
  'reg',
  'asar',
]);

/** What file-type reports for the binary kinds we accept. */
const SIGNATURES: Partial<Record<AttachmentType, readonly string[]>> = {
  'application/pdf': ['application/pdf'],
  'image/jpeg': ['image/jpeg'],
  'image/png': ['image/png', 'image/apng'],
  'image/webp': ['image/webp'],
  'image/heic': ['image/heic', 'image/heif', 'image/heic-sequence', 'image/heif-sequence'],
  'image/gif': ['image/gif'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': [
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': [
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ],
};

/** Text formats file-type names that are harmless inside a text file. */
const PLAIN_TEXT_FORMATS = new Set(['vcf', 'ics', 'vtt']);

/** Endings that mark a name as carrying an extension, so "foto.jpg.pdf" can be told from "Scan 12.03". */
const SCRIPT_ENDINGS = ['bat', 'cmd', 'com', 'ps1', 'psm1', 'vbs', 'vbe', 'js', 'jse', 'mjs', 'wsf', 'wsh', 'hta'];
const WEB_ENDINGS = ['html', 'htm', 'xhtml', 'shtml', 'svg', 'svgz', 'php', 'url'];
const OTHER_ENDINGS = ['scr', 'pif', 'msi', 'dll', 'sh', 'bash', 'py', 'pl', 'rb', 'iso', 'img', 'doc', 'xls', 'ppt'];
const KNOWN_ENDINGS = new Set<string>([
  ...supportedExtensions,
  ...Object.values(ATTACHMENT_EXTENSIONS).flat(),
  ...SCRIPT_ENDINGS,
  ...WEB_ENDINGS,
  ...OTHER_ENDINGS,
]);

// Bytes no text file holds: controls other than tab, line feed, form feed and carriage return.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0B\x0E-\x1F\x7F]/;
// Mails may also carry ESC: ISO-2022 encodings switch character sets with it.
// eslint-disable-next-line no-control-regex
const CONTROL_IN_MAIL = /[\x00-\x08\x0B\x0E-\x1A\x1C-\x1F\x7F]/;
/** Bytes Windows-1252 leaves undefined: a file with one is neither UTF-8 nor what German Windows writes. */
const UNDEFINED_IN_1252 = /[\x81\x8D\x8F\x90\x9D]/;
/** What a browser would sniff as HTML, SVG or XML at the start of a file (WHATWG MIME sniffing, roughly). */
const MARKUP_START = /^(?:\uFEFF|\xEF\xBB\xBF)?\s*<(?:[!?/]|[a-z])/i;
/** Active markup anywhere in a text. */
const ACTIVE_MARKUP = /<(?:script|svg|iframe|object|embed|html|body|meta)\b/i;
/** A mail starts with a header field ("Received:", "From:", "Return-Path:"…). */
const MAIL_START = /^(?:\xEF\xBB\xBF)?[!-9;-~]+:/;

export type Inspection = { ok: true; fileName: string } | { ok: false; reason: string };

const label = (type: AttachmentType) => ATTACHMENT_TYPES[type];

function isUtf8(content: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(content);
    return true;
  } catch {
    return false;
  }
}

/** Whether the bytes are text of the kind: readable characters in UTF-8 or Windows-1252, no markup a browser would run. */
function textProblem(type: AttachmentType, content: Buffer): string | null {
  // latin1 maps every byte to one character: the patterns look at bytes, in one linear pass each.
  const bytes = content.toString('latin1');
  if ((type === 'message/rfc822' ? CONTROL_IN_MAIL : CONTROL).test(bytes)) return 'is not text';
  if (!isUtf8(content) && UNDEFINED_IN_1252.test(bytes)) return 'is not text';
  if (bytes.startsWith('#!')) return 'is a script';
  if (type === 'message/rfc822') return MAIL_START.test(bytes) ? null : 'is not an e-mail';
  if (MARKUP_START.test(bytes.slice(0, 1024)) || ACTIVE_MARKUP.test(bytes)) return 'contains HTML, SVG or XML markup';
  return null;
}

/**
 * The name a file is stored under: endings that only pretend ("foto.jpg"
 * in "foto.jpg.pdf") are dropped, the one left must belong to the kind.
 * Returns null when the name claims another kind ("rechnung.pdf.exe").
 */
function storedName(type: AttachmentType, fileName: string): string | null {
  const allowed = ATTACHMENT_EXTENSIONS[type];
  let base = fileName.trim();
  let last: string | undefined;
  for (let dot = base.lastIndexOf('.'); dot > 0; dot = base.lastIndexOf('.')) {
    const ending = base.slice(dot + 1);
    if (!KNOWN_ENDINGS.has(ending.toLowerCase())) break;
    last ??= ending;
    base = base.slice(0, dot);
  }
  if (last && !allowed.includes(last.toLowerCase())) return null;
  return `${base || 'Anhang'}.${last ?? allowed[0]}`;
}

/**
 * Checks one file of an accepted declared type against its bytes and name;
 * answers the name to store it under, or why it is refused.
 */
export async function inspectFile(type: AttachmentType, fileName: string, content: Buffer): Promise<Inspection> {
  const found = await fileTypeFromBuffer(content);
  if (found && PROGRAMS.has(found.ext)) return { ok: false, reason: 'is a program' };
  const signatures = SIGNATURES[type];
  if (signatures) {
    if (!found || !signatures.includes(found.mime)) {
      return { ok: false, reason: `is ${found ? `a .${found.ext} file` : 'of unknown content'}, not ${label(type)}` };
    }
  } else {
    if (found && !PLAIN_TEXT_FORMATS.has(found.ext)) return { ok: false, reason: `is a .${found.ext} file, not text` };
    const problem = textProblem(type, content);
    if (problem) return { ok: false, reason: problem };
  }
  const name = storedName(type, fileName);
  if (!name) return { ok: false, reason: `is named as another kind of file than ${label(type)}` };
  return { ok: true, fileName: name };
}
