import { Alert, Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconMailForward } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '@web/app/auth';
import i18next from '@web/i18n';
import { ApiError } from '@web/ui/api';
import { describeError } from '@web/ui/describe-error';
import { formatDateTime } from '@web/ui/format';
import { useInvitation, useSendInvitation } from './queries';

const KNOWN_REFUSALS = ['consent_missing', 'email_missing', 'contact_blocked'] as const;
type Refusal = (typeof KNOWN_REFUSALS)[number];
const isRefusal = (code: string | undefined): code is Refusal =>
  (KNOWN_REFUSALS as readonly string[]).includes(code ?? '');

/** Why the server refused, in words: a missing consent, no e-mail address, a blocked customer. */
function refusal(error: unknown): string {
  if (error instanceof ApiError) {
    const code = error.errors.map((e) => e.code).find(isRefusal);
    if (code) return i18next.t(`calendarSubscription.invitation.refused.${code}`);
    if (error.status === 409) return error.message;
  }
  return describeError(error);
}

interface InvitationButtonProps {
  activityId: string;
  /** Only open appointments with a customer can be sent; the button hides otherwise. */
  canInvite: boolean;
  size?: 'xs' | 'sm' | 'md';
}

/**
 * "Einladung senden": e-mails the appointment to the customer as a calendar
 * invitation. Moves and a cancellation follow by themselves afterwards.
 */
export function InvitationButton({ activityId, canInvite, size = 'sm' }: InvitationButtonProps) {
  const { t } = useTranslation();
  const [opened, dialog] = useDisclosure(false);
  const [asked, setAsked] = useState(false);
  const invitation = useInvitation(activityId, canInvite);
  const { mailServer } = useAuth();
  const send = useSendInvitation(activityId);
  if (!canInvite) return null;
  const sent = invitation.data?.invited ? invitation.data : null;

  const close = () => {
    send.reset();
    setAsked(false);
    dialog.close();
  };

  return (
    <>
      <Button size={size} variant="light" leftSection={<IconMailForward size={16} />} onClick={dialog.open}>
        {sent ? t('calendarSubscription.invitation.resend') : t('calendarSubscription.invitation.send')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('calendarSubscription.invitation.title')}>
        <Stack>
          <Text size="sm">{t('calendarSubscription.invitation.intro')}</Text>
          {sent && (
            <Text size="sm" c="dimmed">
              {t('calendarSubscription.invitation.lastSent', {
                email: sent.email,
                date: sent.lastSentAt ? formatDateTime(sent.lastSentAt) : '',
              })}
            </Text>
          )}
          <Checkbox
            label={t('calendarSubscription.invitation.asked')}
            description={t('calendarSubscription.invitation.askedHint')}
            checked={asked}
            onChange={(e) => setAsked(e.currentTarget.checked)}
          />
          {send.isError && (
            <Alert color="red" variant="light" role="alert">
              {refusal(send.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              loading={send.isPending}
              onClick={() =>
                send.mutate(asked ? 'asked' : 'consent', {
                  onSuccess: (result) => {
                    // Without a mail server the invitation waits in the outbox: say so rather than "being sent".
                    notifications.show(
                      mailServer
                        ? { color: 'teal', message: t('calendarSubscription.invitation.sent', { email: result.email }) }
                        : {
                            color: 'yellow',
                            message: t('calendarSubscription.invitation.sentHeld', { email: result.email }),
                            autoClose: 10_000,
                          },
                    );
                    close();
                  },
                })
              }
            >
              {t('calendarSubscription.invitation.send')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
