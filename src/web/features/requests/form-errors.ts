import { reportError, serverFieldErrors } from '@web/ui/form-errors';
import i18next from '../../i18n';

/** Server messages of lead management that deserve the user's language; others are shown as sent. */
const MESSAGES: Array<[RegExp, () => string]> = [
  [/phone number/, () => i18next.t('requests.errors.invalidPhone')],
  [/^name at least one of your locations$/, () => i18next.t('requests.errors.ownLocation')],
  [/^must be an active colleague at one of the same locations$/, () => i18next.t('requests.errors.colleague')],
  [/^overlaps another absence$/, () => i18next.t('requests.errors.overlap')],
  [/^unknown or inactive user$/, () => i18next.t('requests.errors.inactiveUser')],
  [/^cannot deputise for oneself$/, () => i18next.t('requests.errors.selfDeputy')],
  [/^unknown placeholder (.*)$/, () => i18next.t('requests.errors.placeholder')],
  [/^must not be in the future$/, () => i18next.t('requests.errors.future')],
];

function translate(message: string): string {
  const found = MESSAGES.find(([pattern]) => pattern.test(message));
  if (!found) return message;
  const placeholder = /\{\{.*\}\}/.exec(message)?.[0];
  return placeholder ? `${found[1]()} ${placeholder}` : found[1]();
}

interface FormWithErrors {
  setErrors(errors: Record<string, string>): void;
}

/** Like the app's reportError, with the lead-management messages in words. */
export function reportFormError(error: unknown, form?: FormWithErrors) {
  const fieldErrors = serverFieldErrors(error);
  if (!form || Object.keys(fieldErrors).length === 0) return reportError(error);
  form.setErrors(
    Object.fromEntries(Object.entries(fieldErrors).map(([field, message]) => [field, translate(message)])),
  );
}
