import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DayTimeFields } from '@web/ui/date-fields';
import { AssigneeSelect } from '@web/features/requests/components/AssigneeSelect';
import { useCallbackProposal } from '../queries';

export interface CallbackChoice {
  /** YYYY-MM-DDTHH:mm (or one half while typing), read as Berlin time when sent. */
  from: string;
  to: string;
  /** The colleague chosen instead of the rules' proposal; null keeps the proposal. */
  assigneeId: string | null;
}

interface CallbackFieldsProps {
  callId: string;
  value: CallbackChoice;
  onChange(value: CallbackChoice): void;
  fromError?: string | null;
  toError?: string | null;
}

/**
 * When the caller wants to be called back and by whom: the window moves the
 * request's deadline and reminds the assignee; the assignee is the rules'
 * proposal until the user picks someone else (a colleague the caller asked for).
 */
export function CallbackFields({ callId, value, onChange, fromError, toError }: CallbackFieldsProps) {
  const { t } = useTranslation();
  const proposal = useCallbackProposal(callId);
  const proposed = proposal.data?.assignee ?? null;
  return (
    <Stack gap={6}>
      <DayTimeFields
        size="xs"
        label={t('telephony.actions.callbackFrom')}
        value={value.from}
        error={fromError}
        onChange={(from) => onChange({ ...value, from })}
      />
      <DayTimeFields
        size="xs"
        label={t('telephony.actions.callbackTo')}
        value={value.to}
        error={toError}
        onChange={(to) => onChange({ ...value, to })}
      />
      <AssigneeSelect
        size="xs"
        label={t('telephony.actions.callbackAssignee')}
        description={
          proposal.isPending
            ? t('telephony.actions.proposalLoading')
            : proposed
              ? t('telephony.actions.proposedBy', { name: proposed.displayName })
              : t('telephony.actions.noProposal')
        }
        locationId={proposal.data?.locationId}
        value={value.assigneeId ?? proposed?.id ?? null}
        clearable={false}
        comboboxProps={{ withinPortal: true, zIndex: 400 }}
        onChange={(id) => onChange({ ...value, assigneeId: id && id !== proposed?.id ? id : null })}
      />
    </Stack>
  );
}
