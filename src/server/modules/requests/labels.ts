import { REQUEST_STATUS_WORDS, REQUEST_TYPE_LABELS } from '@shared/requests/labels';
import { de } from '@shared/texts/de';
import type { AttemptOutcome, LostReason, RequestStatus, RequestType } from '@shared/requests/enums';

/**
 * German words for what the server still writes in German only (the summary beside a text key, mail
 * subjects); taken from the shared texts, so the two never disagree.
 */
export const TYPE_LABEL: Record<RequestType, string> = REQUEST_TYPE_LABELS.de;

/**
 * "Rückruf – Müller will einen Termin", but just "Rückruf (Anruf)" where the subject
 * already begins with the type's name: a summary that says the same word twice reads as a fault.
 */
export function typeAndSubject(type: RequestType, subject: string, separator = ' – '): string {
  const label = TYPE_LABEL[type];
  return subject.trim().toLocaleLowerCase('de').startsWith(label.toLocaleLowerCase('de'))
    ? subject
    : `${label}${separator}${subject}`;
}

/** The default subject when a machine sends none. */
export const DEFAULT_SUBJECT: Record<RequestType, string> = { ...TYPE_LABEL };

export const STATUS_LABEL: Record<RequestStatus, string> = REQUEST_STATUS_WORDS.de;

export const OUTCOME_LABEL: Record<AttemptOutcome, string> = de.attemptOutcome;

export const LOST_REASON_LABEL: Record<LostReason, string> = de.lostReason;

export const ATTEMPT_VERB: Record<string, string> = de.attemptChannel;

/** Timeline kinds per attempt channel. */
export const ATTEMPT_TIMELINE_KIND = {
  phone: 'call',
  email: 'email',
  sms: 'message',
  letter: 'letter',
  in_person: 'visit',
} as const;

const berlin = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  dateStyle: 'short',
  timeStyle: 'short',
});
export const berlinDateTime = (d: Date) => berlin.format(d);
