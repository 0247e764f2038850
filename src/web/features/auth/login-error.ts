import i18next from '@web/i18n';
import { ApiError, NetworkError } from '@web/ui/api';

/** Turns a failed login into one sentence the user can act on. */
export function loginErrorMessage(error: unknown): string {
  if (error instanceof NetworkError) return i18next.t('auth.login.network');
  if (error instanceof ApiError) {
    if (error.status === 401 || error.status === 400) return i18next.t('auth.login.invalidCredentials');
    if (error.status === 429) {
      return error.retryAfter
        ? i18next.t('auth.login.rateLimitedFor', { count: Math.ceil(error.retryAfter / 60) })
        : i18next.t('auth.login.rateLimited');
    }
  }
  return i18next.t('auth.login.unknown');
}

/** Only paths inside the app, so a crafted link cannot send the user elsewhere after login. */
export function safeRedirect(from: unknown): string {
  if (typeof from !== 'string' || !from.startsWith('/') || from.startsWith('//') || from.startsWith('/login'))
    return '/';
  return from;
}
