import i18next from '@web/i18n';
import { ApiError, NetworkError } from './api';

/**
 * One sentence for an error that is not about a single field. Kept apart from
 * the form helpers so that the guards and the login page do not load the
 * validation schemas with it.
 */
export function describeError(error: unknown): string {
  if (error instanceof NetworkError) return i18next.t('errors.network');
  if (error instanceof ApiError) {
    if (error.status === 403) return i18next.t('errors.forbidden');
    if (error.errors.length > 0) return i18next.t('errors.checkFields');
  }
  return i18next.t('errors.generic');
}
