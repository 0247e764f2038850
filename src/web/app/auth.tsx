import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import type { Me, SessionInfo } from '@shared/auth/schemas';
import i18next, { applyProfileLocale } from '../i18n';
import { ApiError, apiRequest, setCsrfToken, setUnauthorizedHandler } from '@web/ui/api';

export const SESSION_KEY = ['session'] as const;

interface AuthContextValue {
  user: Me | null;
  /** True until the first session check has answered. */
  loading: boolean;
  /** Set when the session check itself failed, e.g. the server is down. */
  error: Error | null;
  /** False while no mail server is set up: e-mails wait in the outbox until one is. */
  mailServer: boolean;
  login(email: string, password: string): Promise<Me>;
  logout(): Promise<void>;
  /** Reloads the session, e.g. after the password change cleared `mustChangePassword`. */
  refresh(): Promise<void>;
  /** Changes the own password; the server ends the other sessions and hands this one a new CSRF token. */
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export async function fetchSession(): Promise<SessionInfo | null> {
  try {
    return await apiRequest<SessionInfo>('/auth/session', { expectUnauthorized: true });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const session = useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: Infinity, retry: 1 });
  const info = session.data ?? null;

  useEffect(() => {
    setCsrfToken(info?.csrfToken);
    if (info) applyProfileLocale(info.user.locale);
  }, [info]);

  const endSession = useCallback(() => {
    setCsrfToken(undefined);
    // Drop cached data of the previous user; the session entry flips to "logged out".
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
    queryClient.setQueryData(SESSION_KEY, null);
  }, [queryClient]);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      endSession();
      notifications.show({ id: 'session-ended', color: 'yellow', message: i18next.t('auth.login.sessionEnded') });
    });
    return () => setUnauthorizedHandler(undefined);
  }, [endSession]);

  const value = useMemo<AuthContextValue>(
    () => ({
      user: info?.user ?? null,
      loading: session.isPending,
      error: session.error,
      mailServer: info?.mailServer ?? true,
      async login(email, password) {
        const result = await apiRequest<SessionInfo>('/auth/login', {
          method: 'POST',
          body: { email, password },
          expectUnauthorized: true,
        });
        setCsrfToken(result.csrfToken);
        queryClient.setQueryData(SESSION_KEY, result);
        return result.user;
      },
      async logout() {
        try {
          await apiRequest<void>('/auth/logout', { method: 'POST', expectUnauthorized: true });
        } finally {
          endSession();
        }
      },
      async refresh() {
        await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      },
      async changePassword(currentPassword, newPassword) {
        const result = await apiRequest<SessionInfo>('/auth/password', {
          method: 'POST',
          body: { currentPassword, newPassword },
        });
        setCsrfToken(result.csrfToken);
        queryClient.setQueryData(SESSION_KEY, result);
      },
    }),
    [info, session.isPending, session.error, queryClient, endSession],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth() {
  const context = useContext(AuthContext);
  if (!context) throw new Error('useAuth must be used inside <AuthProvider>');
  return context;
}

/** The logged-in user; only for components rendered behind the route guard. */
export function useCurrentUser(): Me {
  const { user } = useAuth();
  if (!user) throw new Error('useCurrentUser needs a logged-in user');
  return user;
}
