import { Box, List, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Logo } from '@web/ui/components/Logo';
import classes from './LoginPage.module.css';

/** The coloured half of the login page on wide screens. */
export function BrandPanel() {
  const { t } = useTranslation();
  return (
    <Box className={classes.brand} visibleFrom="md">
      <Logo size="lg" inverted />
      <Stack gap="lg" maw={440}>
        <Title order={2} c="white" fz={34} lh={1.2}>
          {t('app.tagline')}
        </Title>
        <List
          spacing="sm"
          c="rgba(255,255,255,0.85)"
          icon={
            <ThemeIcon size={22} radius="xl" color="white" variant="white" aria-hidden>
              <IconCircleCheck size={16} color="var(--mantine-color-autohaus-7)" />
            </ThemeIcon>
          }
        >
          <List.Item>{t('dashboard.customersHint')}</List.Item>
          <List.Item>{t('dashboard.requestsHint')}</List.Item>
          <List.Item>{t('dashboard.calendarHint')}</List.Item>
        </List>
      </Stack>
      <Text size="xs" c="rgba(255,255,255,0.6)">
        © {new Date().getFullYear()} {t('app.name')}
      </Text>
    </Box>
  );
}
