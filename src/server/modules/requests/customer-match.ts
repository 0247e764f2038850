import { normalizeName } from '@shared/contacts/normalize';
import type { SharedDetailCandidate } from '@server/modules/contacts';

/** The customer of a lead, as far as matching needs it: names, and numbers (E.164) and e-mails (lower case). */
export interface LeadIdentity {
  firstName: string | null;
  lastName: string | null;
  companyName: string | null;
  e164s: string[];
  emails: string[];
}

export type MatchDecision =
  | { kind: 'matched'; contact: SharedDetailCandidate; matchedBy: Array<'phone' | 'email'> }
  | { kind: 'new'; possibleDuplicates: SharedDetailCandidate[] };

/**
 * Whether a lead is a contact we have (R3.4: a different name is a different person, and what
 * the lead says is never filed under someone else).
 *
 * The candidates share a phone number or an e-mail address with the lead. One of them is
 * the lead's customer only when that is certain:
 * - the same name after normalisation (Müller = Mueller = Muller, case and accents aside):
 *   last and first names equal — or, for a lead without a person's name, the same company;
 *   a shared phone or e-mail then suffices;
 * - or the same e-mail address and a compatible name: the same last name, and first names
 *   that do not contradict each other (one missing, or one the other's initial: "J." = Jakob).
 * A phone alone never carries a merely compatible name: families and offices share lines.
 * Several certain candidates: the one sharing the most (e-mail and phone, then e-mail), then
 * the first by name. No certain one: a new contact, flagged as a possible duplicate of them all.
 */
export function decideContact(lead: LeadIdentity, candidates: SharedDetailCandidate[]): MatchDecision {
  const certain = candidates
    .map((c) => ({ c, phone: c.byPhone && sameName(lead, c), email: c.byEmail && compatibleName(lead, c) }))
    .filter((m) => m.phone || m.email)
    .sort((a, b) => score(b) - score(a));
  const best = certain[0];
  if (!best) return { kind: 'new', possibleDuplicates: candidates };
  const matchedBy: Array<'phone' | 'email'> = [];
  if (best.c.byPhone && lead.e164s.some((n) => best.c.phones.includes(n))) matchedBy.push('phone');
  if (best.c.byEmail) matchedBy.push('email');
  return { kind: 'matched', contact: best.c, matchedBy };
}

const score = (m: { phone: boolean; email: boolean; c: SharedDetailCandidate }) =>
  (m.email ? 2 : 0) + (m.c.byPhone ? 1 : 0);

const norm = (value: string | null | undefined) => (value ? normalizeName(value) : '');

function sameName(lead: LeadIdentity, c: SharedDetailCandidate): boolean {
  if (!lead.lastName) return Boolean(lead.companyName) && c.kind === 'company' && same(lead.companyName, c.companyName);
  return c.kind === 'person' && same(lead.lastName, c.lastName) && norm(lead.firstName) === norm(c.firstName);
}

function compatibleName(lead: LeadIdentity, c: SharedDetailCandidate): boolean {
  if (sameName(lead, c)) return true;
  if (!lead.lastName || c.kind !== 'person' || !same(lead.lastName, c.lastName)) return false;
  const a = norm(lead.firstName);
  const b = norm(c.firstName);
  return !a || !b || isInitialOf(a, b) || isInitialOf(b, a);
}

const same = (a: string | null, b: string | null) => norm(a) !== '' && norm(a) === norm(b);

/** "j" or "j." is the initial of "jakob". */
const isInitialOf = (short: string, long: string) => /^[a-z]\.?$/.test(short) && long.startsWith(short[0]!);

/**
 * What a lead adds to the contact it was matched with, and what is left for staff to decide:
 * a number or address another candidate has (it may be theirs), one that does not parse, or
 * more than a contact holds (10 of each) is not added; it stays on the request, offered.
 */
export function additionsFor<P extends { e164: string | null; valid: boolean }>(
  contact: SharedDetailCandidate,
  others: SharedDetailCandidate[],
  phones: P[],
  emails: Array<{ raw: string; lower: string }>,
): { phones: P[]; emails: Array<{ raw: string; lower: string }> } {
  const taken = (value: string, list: (c: SharedDetailCandidate) => string[]) =>
    others.some((o) => o.id !== contact.id && list(o).includes(value));
  const newPhones = uniqueBy(
    phones.filter((p) => p.e164 && p.valid && !contact.phones.includes(p.e164) && !taken(p.e164, (o) => o.phones)),
    (p) => p.e164!,
  ).slice(0, Math.max(0, MAX_PER_CONTACT - contact.phoneCount));
  const newEmails = uniqueBy(
    emails.filter((e) => !contact.emails.includes(e.lower) && !taken(e.lower, (o) => o.emails)),
    (e) => e.lower,
  ).slice(0, Math.max(0, MAX_PER_CONTACT - contact.emailCount));
  return { phones: newPhones, emails: newEmails };
}

/** The contact form holds up to 10 numbers and 10 e-mail addresses. */
export const MAX_PER_CONTACT = 10;

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => (seen.has(key(item)) ? false : (seen.add(key(item)), true)));
}
