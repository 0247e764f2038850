import { Alert, Anchor, Button, Code, Group, NativeSelect, Paper, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAddressBook, IconDownload, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  PHONEBOOK_FORMATS,
  PHONEBOOK_NUMBER_FORMATS,
  type PhonebookFormat,
  type PhonebookNumberFormat,
} from '@shared/telephony/enums';
import { ErrorState } from '@web/ui/components/ErrorState';
import { formatDateTime } from '@web/ui/format';
import { reportError } from '@web/ui/form-errors';
import { phonebookUrl, usePhonebookStatus, useRegeneratePhonebook, useSetPhonebookNumberFormat } from './queries';

export function PhonebookPanel({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const status = usePhonebookStatus();
  const regenerate = useRegeneratePhonebook();
  const setNumberFormat = useSetPhonebookNumberFormat();

  async function handleNumberFormat(format: PhonebookFormat, numberFormat: PhonebookNumberFormat) {
    try {
      await setNumberFormat.mutateAsync({ format, numberFormat });
      notifications.show({
        color: 'teal',
        message: t('telephonyAdmin.phonebook.numberFormatSaved', {
          format: t(`telephonyAdmin.phonebook.formats.${format}`),
        }),
      });
    } catch (error) {
      reportError(error);
    }
  }

  async function handleRegenerate() {
    try {
      const result = await regenerate.mutateAsync();
      notifications.show({
        color: 'teal',
        message: t('telephonyAdmin.phonebook.regenerated', { count: result.formats[0]?.entryCount ?? 0 }),
      });
    } catch (error) {
      reportError(error);
    }
  }

  if (status.isError) return <ErrorState error={status.error} onRetry={() => void status.refetch()} />;
  const byFormat = new Map((status.data?.formats ?? []).map((f) => [f.format, f]));
  const numbering = new Map((status.data?.numberFormats ?? []).map((f) => [f.format, f.numberFormat]));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Text c="dimmed" maw={640}>
          {t('telephonyAdmin.phonebook.intro')}
        </Text>
        {canEdit && (
          <Button
            leftSection={<IconRefresh size={16} />}
            loading={regenerate.isPending}
            onClick={() => void handleRegenerate()}
          >
            {t('telephonyAdmin.phonebook.regenerate')}
          </Button>
        )}
      </Group>
      {regenerate.isPending && (
        <Alert color="blue" icon={<IconAddressBook />}>
          {t('telephonyAdmin.phonebook.running')}
        </Alert>
      )}
      <Paper withBorder radius="md" style={{ overflow: 'hidden' }} aria-busy={status.isPending}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('telephonyAdmin.phonebook.format')}</Table.Th>
              <Table.Th>{t('telephonyAdmin.phonebook.numberFormat')}</Table.Th>
              <Table.Th>{t('telephonyAdmin.phonebook.entries')}</Table.Th>
              <Table.Th>{t('telephonyAdmin.phonebook.generatedAt')}</Table.Th>
              <Table.Th>{t('telephonyAdmin.phonebook.address')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {PHONEBOOK_FORMATS.map((format) => {
              const file = byFormat.get(format);
              return (
                <Table.Tr key={format}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {t(`telephonyAdmin.phonebook.formats.${format}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {numbering.has(format) && (
                      <NativeSelect
                        size="xs"
                        aria-label={t('telephonyAdmin.phonebook.numberFormatLabel', {
                          format: t(`telephonyAdmin.phonebook.formats.${format}`),
                        })}
                        value={numbering.get(format)}
                        disabled={!canEdit || setNumberFormat.isPending}
                        data={PHONEBOOK_NUMBER_FORMATS.map((value) => ({
                          value,
                          label: t(`telephonyAdmin.phonebook.numberFormats.${value}`),
                        }))}
                        onChange={(event) =>
                          void handleNumberFormat(format, event.currentTarget.value as PhonebookNumberFormat)
                        }
                      />
                    )}
                  </Table.Td>
                  <Table.Td>{file ? file.entryCount.toLocaleString() : t('common.none')}</Table.Td>
                  <Table.Td>{file ? formatDateTime(file.generatedAt) : t('telephonyAdmin.phonebook.notYet')}</Table.Td>
                  <Table.Td>
                    <Group gap="sm" wrap="nowrap">
                      <Code>{phonebookUrl(format)}</Code>
                      {canEdit && (
                        <Anchor href={phonebookUrl(format)} download size="sm">
                          <Group gap={4} wrap="nowrap">
                            <IconDownload size={14} />
                            {t('telephonyAdmin.phonebook.download')}
                          </Group>
                        </Anchor>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Paper>
      <Text size="sm" c="dimmed">
        {t('telephonyAdmin.phonebook.numberFormatHint')}
      </Text>
      <Text size="sm" c="dimmed">
        {t('telephonyAdmin.phonebook.apiKeyHint')}
      </Text>
    </Stack>
  );
}
