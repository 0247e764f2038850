import { Badge, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Mailbox } from '@shared/mailboxes/schemas';
import { formatDateTime } from '@web/ui/format';

const COLORS = { connected: 'teal', connecting: 'yellow', error: 'red', disabled: 'gray' } as const;

/** Connected or not, since when, the last mail and the last error: what an admin needs to trust a mailbox. */
export function MailboxStateBadge({ mailbox }: { mailbox: Mailbox }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Badge variant="light" color={COLORS[mailbox.state]} miw="max-content">
        {t(`mailboxes.state.${mailbox.state}`)}
      </Badge>
      {mailbox.stateDetail && (
        <Text size="xs" c={mailbox.state === 'error' ? 'red' : 'dimmed'}>
          {mailbox.stateDetail}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {mailbox.lastMailAt
          ? t('mailboxes.state.lastMail', { at: formatDateTime(mailbox.lastMailAt) })
          : t('mailboxes.state.noMailYet')}
      </Text>
      {mailbox.lastError && mailbox.state !== 'error' && mailbox.lastErrorAt && (
        <Text size="xs" c="dimmed">
          {t('mailboxes.state.lastError', { at: formatDateTime(mailbox.lastErrorAt), error: mailbox.lastError })}
        </Text>
      )}
    </Stack>
  );
}
