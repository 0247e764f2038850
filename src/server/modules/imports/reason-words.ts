import { EARLIEST_YEAR, LATEST_YEAR, YEAR_RANGE_MESSAGE } from '@shared/common';
import type { Locale } from '@shared/org/enums';
import { UNSTORABLE_REMOVED } from './cells';

/*
 * The reasons of an import report are written in English where they arise
 * (they double as API error texts); the report a user downloads speaks their
 * language. Known wordings are translated here, whole or by pattern; a reason
 * without a translation is shown as it is rather than lost.
 */

const EXACT: Record<string, string> = {
  'is required': 'fehlt',
  'is required for a vehicle': 'ist für ein Fahrzeug nötig',
  'must not be in the future': 'darf nicht in der Zukunft liegen',
  'is not a calendar date': 'ist kein gültiges Kalenderdatum',
  'expected a date like 15.03.2019': 'erwartet ein Datum wie 15.03.2019',
  'expected a number': 'erwartet eine Zahl',
  'the row has no vehicle data': 'die Zeile enthält keine Fahrzeugdaten',
  'a vehicle with this VIN exists already and belongs to another contact; not linked':
    'ein Fahrzeug mit dieser FIN gibt es schon bei einem anderen Kontakt; nicht verknüpft',
  'a person needs a last name': 'eine Person braucht einen Nachnamen',
  'a company needs a company name': 'eine Firma braucht einen Firmennamen',
  'expected a 5-digit German postal code': 'erwartet eine fünfstellige deutsche Postleitzahl',
  'is not a valid phone number': 'ist keine gültige Telefonnummer',
  'is not a German licence plate': 'ist kein deutsches Kennzeichen',
  'must not contain I, O or Q': 'darf kein I, O oder Q enthalten',
  'may contain only digits and letters A–Z': 'darf nur Ziffern und Buchstaben A–Z enthalten',
  'only allowed with a service contract': 'nur mit Servicevertrag zulässig',
  'only allowed with financing or leasing': 'nur bei Finanzierung oder Leasing zulässig',
  'is required with a mileage date': 'ist mit einem Datum des Kilometerstands nötig',
  'must not be before 1900': 'darf nicht vor 1900 liegen',
  'must not be before the first registration': 'darf nicht vor der Erstzulassung liegen',
  'a VIN or a plate is needed to find the vehicle': 'FIN oder Kennzeichen nötig, um das Fahrzeug zu finden',
  'no vehicle with this VIN or plate': 'kein Fahrzeug mit dieser FIN bzw. diesem Kennzeichen im CRM',
  'the vehicle has this contract already; nothing changes': 'das Fahrzeug hat diesen Vertrag schon; keine Änderung',
  'expected an amount in euros like 12.345,67': 'erwartet einen Betrag in Euro wie 12.345,67',
  'Invalid email address': 'ist keine gültige E-Mail-Adresse',
  'Invalid input': 'ungültiger Wert',
  [UNSTORABLE_REMOVED]: 'Zeichen, die nicht gespeichert werden können (NUL, defektes Unicode), wurden entfernt',
  [YEAR_RANGE_MESSAGE]: `muss zwischen den Jahren ${EARLIEST_YEAR} und ${LATEST_YEAR} liegen`,
};

const KEY_WORDS: Record<string, string> = {
  'customer number of the old system': 'Kundennummer des Altsystems',
  'e-mail address': 'E-Mail-Adresse',
  'phone number': 'Telefonnummer',
  VIN: 'FIN',
  'vehicle number of the old system': 'Fahrzeugnummer des Altsystems',
};

const LOOKUP_WORDS: Record<string, string> = {
  salutation: 'Anrede',
  'kind (expected Person or Firma)': 'Art (erwartet Person oder Firma)',
  fuel: 'Kraftstoff',
  'financing type (expected Leasing, Finanzierung or keine)':
    'Finanzierungsart (erwartet Leasing, Finanzierung oder keine)',
  'yes/no value': 'Ja/Nein-Wert',
  'contract type (expected Finanzierung, Leasing or Ballonfinanzierung)':
    'Vertragsart (erwartet Finanzierung, Leasing oder Ballonfinanzierung)',
  country: 'Land',
  location: 'Standort',
};

/** "2027-03-31" as "31.03.2027"; "none" when there was no date. */
const germanDay = (iso: string) => (iso === 'none' ? 'bisher keines' : iso.split('-').reverse().join('.'));

const PATTERNS: Array<[RegExp, (...groups: string[]) => string]> = [
  [/^same vehicle as row (\d+)$/, (row) => `gleiches Fahrzeug wie Zeile ${row}`],
  // The report names the field before the message ("Vertragsende: 31.05.2026 → 31.03.2027").
  [/^contract end (\S+) → (\S+)$/, (from, to) => `${germanDay(from!)} → ${germanDay(to!)}`],
  [
    /^the plate is on (\d+) vehicles; none is chosen without a VIN$/,
    (n) => `das Kennzeichen gehört zu ${n} Fahrzeugen; ohne FIN wird keines gewählt`,
  ],
  [/^is longer than (\d+)$/, (n) => `ist länger als ${n} Zeichen`],
  [/^same (.+) as row (\d+)$/, (what, row) => `gleiche ${KEY_WORDS[what!] ?? what} wie Zeile ${row}`],
  [/^same (.+) as contact (.+)$/, (what, whom) => `gleiche ${KEY_WORDS[what!] ?? what} wie Kontakt ${whom}`],
  [/^no contact with customer number "(.*)"$/, (n) => `kein Kontakt mit der Kundennummer „${n}“`],
  [/^unknown (.+) "(.*)"$/, (what, value) => `${LOOKUP_WORDS[what!] ?? what} „${value}“ ist unbekannt`],
  [
    /^"(.*)" is not a valid phone number; kept and flagged invalid$/,
    (n) => `„${n}“ ist keine gültige Telefonnummer; übernommen und als ungültig markiert`,
  ],
  [/^must have 17 characters \(has (\d+)\)$/, (n) => `muss 17 Zeichen haben (hat ${n})`],
  [/^Too big: expected string to have <=(\d+) characters$/, (n) => `ist zu lang (höchstens ${n} Zeichen)`],
  [/^Too small: expected string to have >=(\d+) characters?$/, (n) => `ist zu kurz (mindestens ${n} Zeichen)`],
  [/^Too big: expected number to be <=(\S+)$/, (n) => `ist zu groß (höchstens ${n})`],
  [/^Too small: expected number to be >=(\S+)$/, (n) => `ist zu klein (mindestens ${n})`],
];

export function germanReason(message: string): string {
  const exact = EXACT[message];
  if (exact) return exact;
  for (const [pattern, words] of PATTERNS) {
    const match = pattern.exec(message);
    if (match) return words(...match.slice(1));
  }
  return message;
}

/** A reason in the reader's language; German unless they chose English. */
export const reasonIn = (locale: Locale | undefined, message: string) =>
  locale === 'en' ? message : germanReason(message);

/** The dry run as the wizard shows it: every reason in the reader's language. */
export function reportIn<R extends { rows: Array<{ reasons: Array<{ message: string }> }> }>(
  locale: Locale,
  report: R,
): R {
  if (locale === 'en') return report;
  return {
    ...report,
    rows: report.rows.map((row) => ({
      ...row,
      reasons: row.reasons.map((reason) => ({ ...reason, message: reasonIn(locale, reason.message) })),
    })),
  };
}
