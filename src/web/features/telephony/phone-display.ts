import { formatPhone } from '@shared/contacts/normalize';
import { isWithheld } from '@shared/telephony/numbers';

/**
 * The one display rule for a number as the app shows it everywhere: German numbers
 * national (0175 2576287), others international (+43 664 1234567). Anything that is
 * not an international number (an extension, a number as typed) is shown as it is.
 */
export function displayPhone(number: string): string {
  return number.startsWith('+') ? formatPhone(number, number) : number;
}

/** The caller's number, or null when the phone system said it was withheld ("anonymous"). */
export function shownCallerNumber(number: string | null | undefined): string | null {
  return number && !isWithheld(number) ? number : null;
}
