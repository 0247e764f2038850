import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Where the opportunity's offers are shown and made. */
export function OpportunityOffers({ opportunityId: _opportunityId }: { opportunityId: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={4}>{t('sales.offers.title')}</Title>
        <Text c="dimmed">{t('sales.offers.empty')}</Text>
      </Stack>
    </Paper>
  );
}

/** Where the opportunity's test drives are shown and booked. */
export function OpportunityTestDrives({ opportunityId: _opportunityId }: { opportunityId: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={4}>{t('sales.testDrives.title')}</Title>
        <Text c="dimmed">{t('sales.testDrives.empty')}</Text>
      </Stack>
    </Paper>
  );
}
