import { Box, Center, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useAuth, useCurrentUser } from '@web/app/auth';
import { Logo } from '@web/ui/components/Logo';
import { ChangePasswordForm } from './ChangePasswordForm';

/** After logging in with a one-time password, the only ways on are a new password or logging out. */
export function ForcePasswordChangePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { logout, refresh } = useAuth();
  const navigate = useNavigate();

  async function handleLogout() {
    await logout().catch(() => undefined);
    void navigate('/login', { replace: true });
  }

  return (
    <Center mih="100dvh" p="md" bg="var(--mantine-color-gray-0)">
      <Box w="100%" maw={480}>
        <Box mb="xl">
          <Logo size="lg" />
        </Box>
        <Paper withBorder shadow="sm" radius="lg" p={{ base: 'lg', sm: 36 }}>
          <Stack gap="xs" mb="lg">
            <ThemeIcon size={44} radius="xl" variant="light" aria-hidden>
              <IconShieldLock size={24} />
            </ThemeIcon>
            <Title order={1} fz={24}>
              {t('auth.password.forcedTitle')}
            </Title>
            <Text c="dimmed">{t('auth.password.forcedText')}</Text>
            <Text size="sm" fw={500}>
              {user.displayName} · {user.email}
            </Text>
          </Stack>
          <ChangePasswordForm
            onDone={() => void refresh()}
            secondary={{ label: t('userMenu.logout'), onClick: () => void handleLogout() }}
          />
        </Paper>
      </Box>
    </Center>
  );
}
