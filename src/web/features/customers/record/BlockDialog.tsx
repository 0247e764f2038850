import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportError, serverFieldErrors } from '@web/ui/form-errors';
import { currentLocale } from '@web/i18n';
import { berlinEndOfDay, todayInBerlin } from '../format';
import { useBlockActions } from '../queries';

interface BlockDialogProps {
  contactId: string;
  displayName: string;
  mode: 'block' | 'unblock' | null;
  onClose(): void;
}

/** Blocking needs a reason (it is shown to every colleague); unblocking may give one. */
export function BlockDialog({ contactId, displayName, mode, onClose }: BlockDialogProps) {
  const { t } = useTranslation();
  const { block, unblock } = useBlockActions(contactId);
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const blocking = mode === 'block';

  function close() {
    setReason('');
    setUntil(null);
    setError(null);
    onClose();
  }

  async function submit() {
    if (blocking && reason.trim().length < 3) {
      setError(t('customers.block.reasonRequired'));
      return;
    }
    try {
      if (blocking) await block.mutateAsync({ reason: reason.trim(), until: until ? berlinEndOfDay(until) : null });
      else await unblock.mutateAsync({ reason: reason.trim() || null });
      notifications.show({
        color: blocking ? 'red' : 'teal',
        message: t(blocking ? 'customers.block.blocked' : 'customers.block.unblocked', { name: displayName }),
      });
      close();
    } catch (failure) {
      const fields = serverFieldErrors(failure);
      if (fields.reason) setError(fields.reason);
      else reportError(failure);
    }
  }

  return (
    <Modal
      opened={mode !== null}
      onClose={close}
      title={
        blocking
          ? t('customers.block.blockTitle', { name: displayName })
          : t('customers.block.unblockTitle', { name: displayName })
      }
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {blocking ? t('customers.block.blockText') : t('customers.block.unblockText')}
        </Text>
        <Textarea
          label={t('customers.block.reason')}
          withAsterisk={blocking}
          autosize
          minRows={3}
          value={reason}
          onChange={(event) => {
            setReason(event.currentTarget.value);
            setError(null);
          }}
          error={error}
          data-autofocus
        />
        {blocking && (
          <DateInput
            label={t('customers.block.untilLabel')}
            description={t('customers.block.untilHint')}
            valueFormat="DD.MM.YYYY"
            locale={currentLocale()}
            minDate={todayInBerlin()}
            clearable
            value={until}
            onChange={setUntil}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            color={blocking ? 'red' : 'teal'}
            loading={block.isPending || unblock.isPending}
            onClick={() => void submit()}
          >
            {blocking ? t('customers.block.block') : t('customers.block.unblock')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
