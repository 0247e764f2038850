import { ActionIcon, Menu, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPhoneCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { noteRequiredFor } from '@shared/requests/enums';
import { reportError } from '@web/ui/form-errors';
import { useLogAttempt } from '../queries';

const OUTCOMES = ['reached', 'no_answer', 'voicemail', 'wrong_number'] as const;

interface AttemptMenuProps {
  callId: string;
  request: { id: string; number: string };
  /** Saves the note first: the attempt carries it. */
  beforeLog(): Promise<void>;
  note: string;
  /** "Reached" was chosen with an empty note: the note pad should ask for it. */
  onNoteMissing(): void;
}

/** This call as a contact attempt on one of the caller's open requests, in one click per outcome. */
export function AttemptMenu({ callId, request, beforeLog, note, onNoteMissing }: AttemptMenuProps) {
  const { t } = useTranslation();
  const log = useLogAttempt(callId);
  const label = t('telephony.actions.logAttempt');
  const noteMissing = !note.trim();
  const record = async (outcome: (typeof OUTCOMES)[number]) => {
    if (noteRequiredFor(outcome) && noteMissing) {
      onNoteMissing();
      return;
    }
    try {
      await beforeLog();
      await log.mutateAsync({ requestId: request.id, outcome, note: note.trim() || null });
      notifications.show({
        color: 'teal',
        message: t('telephony.actions.attemptLogged', { number: request.number }),
      });
    } catch (error) {
      reportError(error);
    }
  };
  return (
    <Menu position="bottom-end" shadow="md">
      <Menu.Target>
        <Tooltip label={label}>
          <ActionIcon variant="subtle" size="sm" aria-label={`${label}: ${request.number}`} loading={log.isPending}>
            <IconPhoneCheck size={16} />
          </ActionIcon>
        </Tooltip>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{label}</Menu.Label>
        {OUTCOMES.map((outcome) => (
          <Menu.Item
            key={outcome}
            onClick={() => void record(outcome)}
            rightSection={
              noteRequiredFor(outcome) && noteMissing ? (
                <Text size="xs" c="dimmed">
                  {t('telephony.actions.noteNeeded')}
                </Text>
              ) : null
            }
          >
            {t(`requests.outcome.${outcome}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
