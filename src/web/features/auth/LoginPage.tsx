import { Alert, Box, Button, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconAt, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { useAuth } from '@web/app/auth';
import { FullPageLoader } from '@web/ui/components/FullPageLoader';
import { LanguageSwitch } from '@web/ui/components/LanguageSwitch';
import { Logo } from '@web/ui/components/Logo';
import type { LoginRedirectState } from '@web/app/guards';
import { BrandPanel } from './BrandPanel';
import { loginErrorMessage, safeRedirect } from './login-error';
import classes from './LoginPage.module.css';

export function LoginPage() {
  const { t } = useTranslation();
  const { user, loading, login } = useAuth();
  const location = useLocation();
  const from = safeRedirect((location.state as LoginRedirectState | null)?.from);
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (value.trim() ? null : t('auth.login.emailRequired')),
      password: (value) => (value ? null : t('auth.login.passwordRequired')),
    },
  });

  if (loading) return <FullPageLoader />;
  // Logged in (now or already): continue where the user wanted to go.
  if (user) return <Navigate to={from} replace />;

  async function handleSubmit(values: { email: string; password: string }) {
    setError(null);
    setSubmitting(true);
    try {
      await login(values.email.trim(), values.password);
    } catch (caught) {
      setError(loginErrorMessage(caught));
      form.setFieldValue('password', '');
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Box className={classes.page}>
      <BrandPanel />
      <Box className={classes.formSide}>
        <Group justify="flex-end" p="md">
          <LanguageSwitch />
        </Group>
        <Box className={classes.formWrap}>
          <Box hiddenFrom="md" mb="xl">
            <Logo size="lg" />
          </Box>
          <Paper component="section" radius="lg" p={{ base: 'lg', sm: 36 }} withBorder shadow="sm" w="100%">
            <Stack gap={4} mb="lg">
              <Title order={1} fz={28}>
                {t('auth.login.title')}
              </Title>
              <Text c="dimmed">{t('auth.login.subtitle')}</Text>
            </Stack>

            {error && (
              <Alert
                role="alert"
                color="red"
                variant="light"
                icon={<IconAlertCircle />}
                title={t('auth.login.failedTitle')}
                mb="md"
              >
                {error}
              </Alert>
            )}

            <form onSubmit={form.onSubmit((values) => void handleSubmit(values))} noValidate>
              <Stack gap="md">
                <TextInput
                  label={t('auth.login.email')}
                  placeholder={t('auth.login.emailPlaceholder')}
                  type="email"
                  autoComplete="username"
                  leftSection={<IconAt size={16} />}
                  size="md"
                  data-autofocus
                  autoFocus
                  key={form.key('email')}
                  {...form.getInputProps('email')}
                />
                <PasswordInput
                  label={t('auth.login.password')}
                  autoComplete="current-password"
                  leftSection={<IconLock size={16} />}
                  size="md"
                  key={form.key('password')}
                  {...form.getInputProps('password')}
                />
                <Button type="submit" size="md" fullWidth loading={submitting} mt="xs">
                  {t('auth.login.submit')}
                </Button>
              </Stack>
            </form>
            <Text size="sm" c="dimmed" mt="lg" ta="center">
              {t('auth.login.forgot')}
            </Text>
          </Paper>
        </Box>
      </Box>
    </Box>
  );
}
