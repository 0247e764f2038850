import { Button, Center, Stack, Text } from '@mantine/core';
import { IconLock, IconPlugConnectedX } from '@tabler/icons-react';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import type { Role } from '@shared/org/enums';
import { useAuth } from './auth';
import { FullPageLoader } from '@web/ui/components/FullPageLoader';
import { StatusPage } from '@web/ui/components/StatusPage';
import { describeError } from '@web/ui/describe-error';

// Rarely needed, and it brings the zod schemas along; load it only when it is.
const ForcePasswordChangePage = lazy(() =>
  import('../features/auth/ForcePasswordChangePage').then((module) => ({ default: module.ForcePasswordChangePage })),
);

/** Where the login page should return to, carried in the router state. */
export interface LoginRedirectState {
  from?: string;
}

/** Everything behind it needs a session; without one the user goes to the login page and back. */
export function RequireAuth() {
  const { user, loading, error, refresh } = useAuth();
  const location = useLocation();
  const { t } = useTranslation();

  if (loading) return <FullPageLoader />;
  if (error && !user) {
    return (
      <Center h="100dvh" p="md">
        <Stack align="center" gap="sm" maw={420} ta="center">
          <IconPlugConnectedX size={40} color="var(--mantine-color-red-6)" aria-hidden />
          <Text fw={600}>{describeError(error)}</Text>
          <Button variant="light" onClick={() => void refresh()}>
            {t('common.retry')}
          </Button>
        </Stack>
      </Center>
    );
  }
  if (!user) {
    const state: LoginRedirectState = { from: location.pathname + location.search + location.hash };
    return <Navigate to="/login" replace state={state} />;
  }
  // A one-time password must be replaced before anything else is possible.
  if (user.mustChangePassword) {
    return (
      <Suspense fallback={<FullPageLoader />}>
        <ForcePasswordChangePage />
      </Suspense>
    );
  }
  return <Outlet />;
}

export function Forbidden() {
  const { t } = useTranslation();
  return (
    <StatusPage
      icon={<IconLock />}
      color="red"
      title={t('errors.forbiddenTitle')}
      description={t('errors.forbiddenText')}
      action={{ label: t('errors.backHome'), to: '/' }}
    />
  );
}

/** The server refuses these calls anyway; the page says so in words instead of failing requests. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children?: ReactNode }) {
  const { user } = useAuth();
  if (!user || !roles.includes(user.role)) return <Forbidden />;
  return children ?? <Outlet />;
}
