import { Alert, Button, Divider, Skeleton, Stack } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallPop } from '@shared/telephony/schemas';
import { isWithheld } from '@shared/telephony/numbers';
import { useCallPop } from '../queries';
import { AttemptMenu } from './AttemptMenu';
import { PlanActivityButton } from '@web/features/activities/PlanActivityButton';
import { WriteMessageButton } from '@web/features/messages/WriteMessageButton';
import { CallTicketButton } from '@web/features/service-tickets/CallTicketButton';
import { CallActions } from './CallActions';
import { CandidateChoice } from './CandidateChoice';
import { CandidateDetails } from './CandidateDetails';
import { NotePad } from './NotePad';
import { UnknownCaller } from './UnknownCaller';
import { useNoteAutosave } from './use-note-autosave';

interface CallPopBodyProps {
  callId: string;
  number: string | null;
  /** Called once the customer data is on screen, for the latency measurement. */
  onRendered(): void;
}

export function CallPopBody({ callId, number, onRendered }: CallPopBodyProps) {
  const { t } = useTranslation();
  const pop = useCallPop(callId);

  if (pop.isPending) {
    return (
      <Stack gap="xs" aria-busy="true">
        <Skeleton h={40} radius="md" />
        <Skeleton h={14} w="60%" />
        <Skeleton h={60} radius="md" />
      </Stack>
    );
  }
  if (pop.isError) {
    return (
      <Alert color="red" variant="light" p="xs">
        {t('telephony.pop.loadError')}{' '}
        <Button size="compact-xs" variant="subtle" onClick={() => void pop.refetch()}>
          {t('common.retry')}
        </Button>
      </Alert>
    );
  }
  return <LoadedPop pop={pop.data} number={number} onRendered={onRendered} />;
}

function LoadedPop({ pop, number, onRendered }: { pop: CallPop; number: string | null; onRendered(): void }) {
  const { call, candidates } = pop;
  const { t } = useTranslation();
  const note = useNoteAutosave(call.id, call.note ?? '');
  // Set when "reached" was chosen with an empty pad: the pad then asks for what was said (R3.4).
  const [noteMissing, setNoteMissing] = useState(false);
  const reported = useRef(false);
  useEffect(() => {
    if (reported.current) return;
    reported.current = true;
    onRendered();
  }, [onRendered]);

  const shown =
    candidates.find((candidate) => candidate.id === call.contact?.id) ??
    (candidates.length === 1 ? candidates[0] : undefined);
  const choosing = !shown && candidates.length > 1;
  const withheld = call.direction === 'inbound' && !call.fromNumber && isWithheld(call.fromRaw);

  return (
    <Stack gap="sm">
      {shown ? (
        <CandidateDetails
          candidate={shown}
          requestAction={(request) => (
            <AttemptMenu
              callId={call.id}
              request={request}
              beforeLog={note.flush}
              note={note.value}
              onNoteMissing={() => setNoteMissing(true)}
            />
          )}
        />
      ) : choosing ? (
        <CandidateChoice callId={call.id} candidates={candidates} />
      ) : (
        <UnknownCaller
          callId={call.id}
          number={number ?? call.fromNumber}
          lookedUp={pop.lookedUp}
          withheld={withheld}
        />
      )}
      <Divider />
      <NotePad
        value={note.value}
        status={note.status}
        onChange={(value) => {
          note.change(value);
          if (value.trim()) setNoteMissing(false);
        }}
        error={noteMissing ? t('requests.attempts.noteRequired') : undefined}
        onSave={() => void note.flush().catch(() => undefined)}
      />
      <CallActions
        callId={call.id}
        contactId={shown?.id ?? call.contact?.id ?? null}
        disabled={choosing}
        existingRequestId={call.requestId}
        withheld={withheld}
        beforeCreate={note.flush}
      />
      {shown && note.value.trim() && (
        // The note is what the workshop needs: it becomes the ticket's note word for word.
        <CallTicketButton callId={call.id} contactId={shown.id} locationId={call.locationId} beforeStart={note.flush} />
      )}
      {shown && (
        // After the call: the next step with this customer ("call again Thursday"), linked to the request if one was made.
        <PlanActivityButton
          size="compact-sm"
          variant="default"
          preset={{
            contact: { id: shown.id, label: shown.displayName },
            request: call.requestId ? { id: call.requestId, label: t('activity.request') } : null,
            type: 'call',
          }}
        />
      )}
      {shown && (
        <WriteMessageButton
          size="compact-sm"
          variant="default"
          customer={{ id: shown.id, displayName: shown.displayName }}
        />
      )}
    </Stack>
  );
}
