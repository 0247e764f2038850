import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router-dom';

/** Last line of defence: a render error shows a way out instead of a blank page. */
export function RouteError() {
  const error = useRouteError();
  const { t } = useTranslation();
  console.error(error);
  return (
    <Center h="100dvh" p="md">
      <Stack align="center" gap="sm" maw={460} ta="center">
        <IconAlertTriangle size={44} color="var(--mantine-color-red-6)" aria-hidden />
        <Title order={3}>{t('errors.appCrashed')}</Title>
        <Text c="dimmed">{t('errors.generic')}</Text>
        <Button onClick={() => window.location.reload()}>{t('errors.reload')}</Button>
      </Stack>
    </Center>
  );
}
