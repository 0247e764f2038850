import { Anchor, Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboundMail } from '@shared/mailboxes/schemas';
import { formatDateTime } from '@web/ui/format';
import { useInboundMails } from './queries';

/**
 * The HTML a customer sent, already sanitised by the server, shown in a sandbox without
 * scripts, forms or access to the app: a second wall in case the first one misses something.
 */
function SandboxedHtml({ html, title }: { html: string; title: string }) {
  return (
    <iframe
      title={title}
      sandbox=""
      referrerPolicy="no-referrer"
      srcDoc={`<!doctype html><meta charset="utf-8"><base target="_blank"><body style="font-family:sans-serif;font-size:14px">${html}</body>`}
      style={{ width: '100%', minHeight: 240, border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }}
    />
  );
}

function MailItem({ mail }: { mail: InboundMail }) {
  const { t } = useTranslation();
  const [formatted, setFormatted] = useState(false);
  const from = mail.fromName ? `${mail.fromName} <${mail.fromAddress ?? ''}>` : (mail.fromAddress ?? '—');
  return (
    <Stack gap={4}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div>
          <Text size="sm" fw={600}>
            {mail.subject ?? '—'}
          </Text>
          <Text size="xs" c="dimmed">
            {t('mailboxes.request.from')}: {from} · {formatDateTime(mail.sentAt ?? mail.receivedAt)}
          </Text>
        </div>
        <Badge variant="light" miw="max-content">
          {t(`mailboxes.request.outcome.${mail.outcome}`)}
        </Badge>
      </Group>
      {formatted && mail.html ? (
        <SandboxedHtml html={mail.html} title={mail.subject ?? t('mailboxes.request.title')} />
      ) : (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {mail.text ?? '—'}
        </Text>
      )}
      {mail.notes.length > 0 && (
        <List size="xs" c="orange.8">
          {mail.notes.map((note) => (
            <List.Item key={note}>{note}</List.Item>
          ))}
        </List>
      )}
      <Group gap="md">
        {mail.html && (
          <Button size="compact-xs" variant="subtle" onClick={() => setFormatted((f) => !f)}>
            {formatted ? t('mailboxes.request.showText') : t('mailboxes.request.showHtml')}
          </Button>
        )}
        <Anchor size="xs" href={`/api/inbound-mails/${mail.id}/original`} download>
          {t('mailboxes.request.original')}
        </Anchor>
      </Group>
    </Stack>
  );
}

/** The customer's mails on the request, oldest first; nothing when it came by another way. */
export function InboundMailsPanel({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const mails = useInboundMails(requestId);
  if (!mails.data?.length) return null;
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={4} mb="xs">
        {t('mailboxes.request.title')}
      </Title>
      <Stack gap="lg">
        {mails.data.map((mail) => (
          <MailItem key={mail.id} mail={mail} />
        ))}
      </Stack>
    </Paper>
  );
}
