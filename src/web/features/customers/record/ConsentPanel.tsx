import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconHistory, IconPlus } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, CONSENT_PURPOSES } from '@shared/contacts/enums';
import { formatDate } from '../format';
import type { Contact } from '../types';
import { useOpenedOnce } from '@web/ui/use-opened-once';
import { LazyTooltip } from '@web/ui/components/LazyTooltip';

// Recording a consent needs a form and a date picker: loaded when the dialog is first opened.
const ConsentDialog = lazy(() => import('./ConsentDialog').then((m) => ({ default: m.ConsentDialog })));

const STATUS_COLORS = { granted: 'teal', withdrawn: 'red', unknown: 'gray' } as const;

interface ConsentPanelProps {
  contact: Contact;
  canEdit: boolean;
}

/**
 * Consent per channel and purpose at a glance (R3.2: before calling, check
 * consent): green granted, red withdrawn, grey never asked.
 */
export function ConsentPanel({ contact, canEdit }: ConsentPanelProps) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'record' | 'history' | null>(null);
  const dialogLoaded = useOpenedOnce(dialog !== null);
  const stateOf = (channel: string, purpose: string) =>
    contact.consents.find((consent) => consent.channel === channel && consent.purpose === purpose);

  return (
    <Stack gap="xs">
      {CONSENT_PURPOSES.map((purpose) => (
        <Stack key={purpose} gap={4}>
          <Text size="xs" fw={600} c="dimmed">
            {t(`customers.consent.purpose.${purpose}`)}
          </Text>
          <Group gap={4}>
            {CHANNELS.map((channel) => {
              const state = stateOf(channel, purpose);
              const status = state?.status ?? 'unknown';
              const label = `${t(`customers.channel.${channel}`)} · ${t(`customers.consent.purpose.${purpose}`)}: ${t(`customers.consent.status.${status}`)}`;
              return (
                <LazyTooltip
                  key={channel}
                  label={
                    state
                      ? `${t(`customers.consent.status.${status}`)} ${formatDate(state.effectiveAt)} (${t(`customers.consent.source.${state.source}`)})`
                      : t('customers.consent.status.unknown')
                  }
                  withArrow
                >
                  <Badge
                    color={STATUS_COLORS[status]}
                    variant={status === 'unknown' ? 'outline' : 'light'}
                    size="md"
                    tt="none"
                    fw={600}
                    aria-label={label}
                    data-status={status}
                  >
                    {t(`customers.channel.${channel}`)}
                  </Badge>
                </LazyTooltip>
              );
            })}
          </Group>
        </Stack>
      ))}
      <Group gap="xs">
        {canEdit && (
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={() => setDialog('record')}
          >
            {t('customers.consent.record')}
          </Button>
        )}
        <Button
          size="compact-sm"
          variant="subtle"
          color="gray"
          leftSection={<IconHistory size={14} />}
          onClick={() => setDialog('history')}
        >
          {t('customers.consent.history')}
        </Button>
      </Group>
      {dialogLoaded && (
        <Suspense fallback={null}>
          <ConsentDialog contactId={contact.id} mode={dialog} onClose={() => setDialog(null)} />
        </Suspense>
      )}
    </Stack>
  );
}
