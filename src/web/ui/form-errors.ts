import { notifications } from '@mantine/notifications';
import type { z } from 'zod';
import { EARLIEST_YEAR, LATEST_YEAR, YEAR_RANGE_MESSAGE, YEAR_RANGE_RULE } from '@shared/common';
import i18next from '@web/i18n';
import { ApiError, type FieldProblem } from './api';
import { describeError } from './describe-error';

type FormErrors = Record<string, string>;

/**
 * Field-specific wording for format rules (regexes), where the generic
 * "invalid value" would leave the user guessing.
 */
const FORMAT_MESSAGES: Record<string, () => string> = {
  postalCode: () => i18next.t('validation.postalCode'),
  code: () => i18next.t('validation.locationCode'),
  phoneExtension: () => i18next.t('validation.phoneExtension'),
  from: () => i18next.t('validation.time'),
  to: () => i18next.t('validation.time'),
};

/** Stable codes of server field errors whose wording does not depend on the field. */
const SERVER_CODES: Record<string, () => string> = {
  unstorable_text: () => i18next.t('validation.unstorable'),
};

const yearRange = () => i18next.t('validation.yearRange', { from: EARLIEST_YEAR, to: LATEST_YEAR });

/** The server speaks English; known messages get translated, unknown ones are shown as sent. */
const SERVER_MESSAGES: Record<string, () => string> = {
  [YEAR_RANGE_MESSAGE]: yearRange,
  'already in use': () => i18next.t('validation.alreadyInUse'),
  'is not your current password': () => i18next.t('validation.notCurrentPassword'),
  'must differ from the current one': () => i18next.t('validation.mustDiffer'),
  'unknown location': () => i18next.t('validation.unknownLocation'),
  'say what was said and offered: the customer was reached': () => i18next.t('requests.attempts.noteRequired'),
  'you cannot demote or deactivate yourself': () => i18next.t('validation.cannotDemoteSelf'),
};

function lastSegment(path: string) {
  return path.split('.').pop() ?? path;
}

function messageForIssue(issue: z.core.$ZodIssue, field: string): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? i18next.t('validation.required')
          : i18next.t('validation.tooShort', { min: Number(issue.minimum) });
      }
      if (issue.origin === 'array') return i18next.t('validation.tooFew', { min: Number(issue.minimum) });
      return i18next.t('validation.invalid');
    case 'too_big':
      if (issue.origin === 'string') return i18next.t('validation.tooLong', { max: Number(issue.maximum) });
      return i18next.t('validation.tooMany', { max: Number(issue.maximum) });
    case 'invalid_format':
      if (issue.format === 'email') return i18next.t('validation.email');
      return FORMAT_MESSAGES[lastSegment(field)]?.() ?? i18next.t('validation.invalid');
    case 'invalid_type':
    case 'invalid_value':
      return i18next.t('validation.required');
    case 'custom':
      if (issue.params?.rule === YEAR_RANGE_RULE) return yearRange();
      return lastSegment(field) === 'to' ? i18next.t('validation.endAfterStart') : i18next.t('validation.invalid');
    default:
      return i18next.t('validation.invalid');
  }
}

/**
 * A Mantine form `validate` function backed by a shared zod schema, so the
 * browser checks exactly what the server will check, in the user's language.
 */
export function zodValidate<Values>(schema: z.ZodType, prepare: (values: Values) => unknown = (v) => v) {
  return (values: Values): FormErrors => {
    const result = schema.safeParse(prepare(values));
    if (result.success) return {};
    const errors: FormErrors = {};
    for (const issue of result.error.issues) {
      const field = issue.path.map(String).join('.');
      errors[field] ??= messageForIssue(issue, field);
    }
    return errors;
  };
}

export function translateServerMessage(problem: FieldProblem) {
  return (
    (problem.code ? SERVER_CODES[problem.code]?.() : undefined) ??
    SERVER_MESSAGES[problem.message]?.() ??
    problem.message
  );
}

/** Maps the `errors[]` of a problem+json answer onto form fields, e.g. "openingHours.mon.0.to". */
export function serverFieldErrors(error: unknown): FormErrors {
  if (!(error instanceof ApiError)) return {};
  const errors: FormErrors = {};
  for (const problem of error.errors) {
    // "locationIds.<uuid>" points at one entry of a multi-select; show it on the select.
    const field = problem.field.startsWith('locationIds.') ? 'locationIds' : problem.field;
    errors[field] ??= translateServerMessage(problem);
  }
  return errors;
}

export { describeError };

interface FormWithErrors {
  setErrors(errors: FormErrors): void;
}

/** Puts server field errors on the form; anything else becomes a notification. */
export function reportError(error: unknown, form?: FormWithErrors) {
  const fieldErrors = serverFieldErrors(error);
  if (form && Object.keys(fieldErrors).length > 0) {
    form.setErrors(fieldErrors);
    return;
  }
  notifications.show({ color: 'red', message: describeError(error) });
}
