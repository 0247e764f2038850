import { Badge, Button, Group, Modal, Select, SimpleGrid, Skeleton, Stack, Table, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { CHANNELS, CONSENT_PURPOSES, CONSENT_SOURCES } from '@shared/contacts/enums';
import type { Channel, ConsentPurpose, ConsentSource, ConsentStatus } from '@shared/contacts/enums';
import { ErrorState } from '@web/ui/components/ErrorState';
import { formatDateTime } from '@web/ui/format';
import { reportError } from '@web/ui/form-errors';
import { useConsentHistory, useRecordConsent } from '../queries';

interface ConsentDialogProps {
  contactId: string;
  mode: 'record' | 'history' | null;
  onClose(): void;
}

interface Values {
  channel: Channel;
  purpose: ConsentPurpose;
  status: ConsentStatus;
  source: ConsentSource;
  note: string;
}

function RecordForm({ contactId, onClose }: { contactId: string; onClose(): void }) {
  const { t } = useTranslation();
  const record = useRecordConsent(contactId);
  const form = useForm<Values>({
    initialValues: { channel: 'email', purpose: 'marketing', status: 'granted', source: 'verbal', note: '' },
  });
  const options = <T extends string>(values: readonly T[], prefix: string) =>
    values.map((value) => ({ value, label: t(`${prefix}.${value}` as 'customers.channel.email') }));

  async function submit(values: Values) {
    try {
      await record.mutateAsync({ ...values, note: values.note.trim() || null });
      notifications.show({ color: 'teal', message: t('customers.consent.saved') });
      onClose();
    } catch (error) {
      reportError(error, form);
    }
  }

  return (
    <form onSubmit={form.onSubmit((values) => void submit(values))}>
      <Stack gap="md">
        <SimpleGrid cols={2}>
          <Select
            label={t('customers.consent.channel')}
            data={options(CHANNELS, 'customers.channel')}
            allowDeselect={false}
            {...form.getInputProps('channel')}
          />
          <Select
            label={t('customers.consent.purposeLabel')}
            data={options(CONSENT_PURPOSES, 'customers.consent.purpose')}
            allowDeselect={false}
            {...form.getInputProps('purpose')}
          />
          <Select
            label={t('customers.consent.statusLabel')}
            data={options(['granted', 'withdrawn'] as const, 'customers.consent.status')}
            allowDeselect={false}
            {...form.getInputProps('status')}
          />
          <Select
            label={t('customers.consent.sourceLabel')}
            data={options(
              CONSENT_SOURCES.filter((s) => s !== 'unsubscribe_link'),
              'customers.consent.source',
            )}
            allowDeselect={false}
            {...form.getInputProps('source')}
          />
        </SimpleGrid>
        <Textarea label={t('customers.consent.note')} autosize minRows={2} {...form.getInputProps('note')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={record.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function History({ contactId }: { contactId: string }) {
  const { t } = useTranslation();
  const history = useConsentHistory(contactId, true);
  if (history.isPending) return <Skeleton height={120} />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t('customers.consent.noHistory')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="xs" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('customers.consent.effectiveAt')}</Table.Th>
            <Table.Th>{t('customers.consent.channel')}</Table.Th>
            <Table.Th>{t('customers.consent.statusLabel')}</Table.Th>
            <Table.Th>{t('customers.consent.sourceLabel')}</Table.Th>
            <Table.Th>{t('customers.consent.recordedBy')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {history.data.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td>{formatDateTime(entry.effectiveAt)}</Table.Td>
              <Table.Td>
                {t(`customers.channel.${entry.channel}`)} · {t(`customers.consent.purpose.${entry.purpose}`)}
              </Table.Td>
              <Table.Td>
                <Badge size="sm" variant="light" color={entry.status === 'granted' ? 'teal' : 'red'} tt="none">
                  {t(`customers.consent.status.${entry.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                {t(`customers.consent.source.${entry.source}`)}
                {entry.note && (
                  <Text size="xs" c="dimmed">
                    {entry.note}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{entry.recordedBy?.displayName ?? t('common.none')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Records a consent decision with its proof (source), or shows every decision so far. */
export function ConsentDialog({ contactId, mode, onClose }: ConsentDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={mode !== null}
      onClose={onClose}
      size={mode === 'history' ? 'xl' : 'md'}
      title={mode === 'history' ? t('customers.consent.history') : t('customers.consent.record')}
    >
      {mode === 'record' && <RecordForm contactId={contactId} onClose={onClose} />}
      {mode === 'history' && <History contactId={contactId} />}
    </Modal>
  );
}
