import { Button, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconUserPlus, IconUserQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { displayPhone } from '../phone-display';

/** No customer has this number: one click to the new-customer form with the number filled in. */
export function UnknownCaller({
  callId,
  number,
  lookedUp,
  withheld,
}: {
  callId: string;
  number: string | null;
  lookedUp: boolean;
  withheld: boolean;
}) {
  const { t } = useTranslation();
  if (withheld || !lookedUp) {
    return (
      <Text size="sm" c="dimmed">
        {t(withheld ? 'telephony.pop.withheldText' : 'telephony.pop.notLookedUp')}
      </Text>
    );
  }
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <ThemeIcon variant="light" color="gray" size={40} radius="xl">
        <IconUserQuestion size={22} />
      </ThemeIcon>
      <Stack gap={6} style={{ minWidth: 0 }}>
        <Text size="sm" fw={600}>
          {t('telephony.pop.unknownTitle')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('telephony.pop.unknownText')}
        </Text>
        <Button
          component={Link}
          // The form links the new customer to this call, so the call and its note land on the record.
          to={`/customers/new?${new URLSearchParams({ ...(number ? { phone: displayPhone(number) } : {}), call: callId }).toString()}`}
          size="compact-sm"
          leftSection={<IconUserPlus size={16} />}
          w="fit-content"
        >
          {t('telephony.pop.newCustomer')}
        </Button>
      </Stack>
    </Group>
  );
}
