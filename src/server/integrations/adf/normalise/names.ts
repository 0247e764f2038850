/**
 * Splitting a full name the way German leads write it:
 * - "Müller, Hans" → last "Müller", first "Hans" (a comma puts the family name first);
 * - "Hans Müller" / "Hans Peter Müller" → the last word is the family name;
 * - name particles stay with the family name: "Anna von Bergen" → last "von Bergen";
 * - salutations and titles are dropped: "Herr Dr. Hans Müller" → first "Hans", last "Müller";
 * - a single word is taken as the family name ("Müller" is how people sign a short form).
 */

const SALUTATION = /^(herrn?|frau|hr\.?|fr\.?|mr\.?|mrs\.?|ms\.?|miss|firma|fa\.)$/i;
const TITLE = /^(dr\.?|prof\.?|dipl\.?(-\S+)?|ing\.?|med\.?|rer\.?|nat\.?|mag\.?|b\.?sc\.?|m\.?sc\.?)$/i;
const PARTICLE = /^(von|vom|van|de|der|den|zu|zum|zur|di|da|du|del|la|le|ten|ter|mc)$/i;

export interface SplitName {
  firstName: string | null;
  lastName: string | null;
}

export function splitFullName(full: string): SplitName {
  const comma = full.indexOf(',');
  if (comma > 0) {
    const last = stripHonorifics(full.slice(0, comma)).join(' ');
    const first = stripHonorifics(full.slice(comma + 1)).join(' ');
    return { firstName: first || null, lastName: last || null };
  }
  const words = stripHonorifics(full);
  if (words.length === 0) return { firstName: null, lastName: null };
  if (words.length === 1) return { firstName: null, lastName: words[0]! };
  let lastStart = words.length - 1;
  while (lastStart > 1 && PARTICLE.test(words[lastStart - 1]!)) lastStart -= 1;
  return { firstName: words.slice(0, lastStart).join(' '), lastName: words.slice(lastStart).join(' ') };
}

function stripHonorifics(text: string): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  // Counted, then cut once: shifting word by word is quadratic in a name of thousands of "Herr".
  let first = 0;
  while (first < words.length - 1 && (SALUTATION.test(words[first]!) || TITLE.test(words[first]!))) first += 1;
  return words.slice(first);
}

/** Legal forms that make a name a company's even when type="business" was not set. */
const LEGAL_FORM =
  /(^|[\s&,])(gmbh|ag|kg|ohg|gbr|ug|e\.\s?k\.|e\.\s?v\.|mbh|se|kgaa|ltd\.?|inc\.?|llc|autohaus|autohandel|autozentrum|kfz)(?=$|[\s&,.)])/i;

export const looksLikeCompany = (name: string) => LEGAL_FORM.test(name);
