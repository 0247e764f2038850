import { Alert, Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconCircleCheck, IconMessageReport, IconPhoneOutgoing, IconTool } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '@web/ui/api';
import { isHalfFilled } from '@web/ui/date-fields';
import { reportError, serverFieldErrors } from '@web/ui/form-errors';
import { fromLocalInput } from '@web/features/requests/intake/callback-windows';
import { useCreateCallRequest, type CreatedRequest } from '../queries';
import { type CallbackChoice, CallbackFields } from './CallbackFields';

const ACTIONS = [
  { type: 'callback', icon: IconPhoneOutgoing },
  { type: 'service_appointment', icon: IconTool },
  { type: 'complaint', icon: IconMessageReport },
] as const;

interface CallActionsProps {
  callId: string;
  /** The customer the request is for; null when the caller is unknown and must be named. */
  contactId: string | null;
  /** Several candidates and none chosen yet: the request would not know whose it is. */
  disabled: boolean;
  /** The request already made from this call, if any: a second one is not possible. */
  existingRequestId: string | null;
  /** The caller withheld the number: nobody can call back, and a new contact needs an e-mail address. */
  withheld: boolean;
  /** Saves the note first: the request takes it as its message. */
  beforeCreate(): Promise<void>;
}

/** From the note pad to a request in one step (R0.5): callback, service appointment or complaint. */
export function CallActions({
  callId,
  contactId,
  disabled,
  existingRequestId,
  withheld,
  beforeCreate,
}: CallActionsProps) {
  const { t } = useTranslation();
  const create = useCreateCallRequest(callId);
  const [lastName, setLastName] = useState('');
  const [firstName, setFirstName] = useState('');
  const [email, setEmail] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [emailError, setEmailError] = useState<string | null>(null);
  // While the user still chooses among several customers the caller is not unknown: no name fields.
  const asksForName = !contactId && !disabled;
  const actions = withheld ? ACTIONS.filter((action) => action.type !== 'callback') : ACTIONS;
  const [created, setCreated] = useState<CreatedRequest | null>(null);
  const [callback, setCallback] = useState<CallbackChoice>({ from: '', to: '', assigneeId: null });
  const [windowError, setWindowError] = useState<string | null>(null);
  const [fromError, setFromError] = useState<string | null>(null);
  // Clicked again after the request was made (here, in another tab, by a colleague): say so.
  const [alreadyDone, setAlreadyDone] = useState(false);
  const confirmation = useRef<HTMLDivElement>(null);
  // The pop scrolls; the confirmation is what the user looks for next.
  useEffect(() => {
    if (created || alreadyDone) confirmation.current?.scrollIntoView?.({ block: 'nearest' });
  }, [created, alreadyDone]);

  const run = async (type: (typeof ACTIONS)[number]['type']) => {
    const missingName = !contactId && !lastName.trim();
    const missingEmail = !contactId && withheld && !email.trim();
    setNameError(missingName ? t('validation.required') : null);
    setEmailError(missingEmail ? t('validation.required') : null);
    const callbackFrom = fromLocalInput(callback.from);
    const callbackTo = fromLocalInput(callback.to);
    const windowBackwards = Boolean(callbackFrom && callbackTo && callbackFrom >= callbackTo);
    const fromHalf = isHalfFilled(callback.from);
    const toHalf = isHalfFilled(callback.to);
    setFromError(fromHalf ? t('validation.dayAndTime') : null);
    setWindowError(
      toHalf ? t('validation.dayAndTime') : windowBackwards ? t('telephony.actions.windowBackwards') : null,
    );
    if (missingName || missingEmail || windowBackwards || fromHalf || toHalf) return;
    if (created || existingRequestId) {
      setAlreadyDone(true);
      return;
    }
    try {
      await beforeCreate();
      const request = await create.mutateAsync({
        type,
        ...(callbackFrom ? { callbackFrom } : {}),
        ...(callbackTo ? { callbackTo } : {}),
        ...(type === 'callback' && callback.assigneeId ? { assigneeId: callback.assigneeId } : {}),
        ...(contactId
          ? { contactId }
          : {
              newContact: {
                lastName: lastName.trim(),
                firstName: firstName.trim() || null,
                ...(withheld ? { email: email.trim() } : {}),
              },
            }),
      });
      setCreated(request);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        setAlreadyDone(true);
        return;
      }
      const fields = serverFieldErrors(error);
      const nameMessage = fields['newContact.lastName'];
      const emailMessage = fields['newContact.email'];
      if (nameMessage) setNameError(String(nameMessage));
      const windowMessage = fields.callbackTo;
      if (emailMessage) setEmailError(String(emailMessage));
      if (windowMessage) setWindowError(t('telephony.actions.windowBackwards'));
      if (!nameMessage && !emailMessage && !windowMessage) reportError(error);
    }
  };

  return (
    <Stack gap="xs">
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" style={{ letterSpacing: 0.4 }}>
        {t('telephony.actions.title')}
      </Text>
      {asksForName && (
        <Stack gap={6}>
          <Text size="xs" c="dimmed">
            {t(withheld ? 'telephony.actions.withheldHint' : 'telephony.actions.lastNameHint')}
          </Text>
          <Group gap="xs" grow>
            <TextInput
              size="xs"
              label={t('telephony.actions.firstName')}
              value={firstName}
              onChange={(event) => setFirstName(event.currentTarget.value)}
            />
            <TextInput
              size="xs"
              label={t('telephony.actions.lastName')}
              withAsterisk
              value={lastName}
              error={nameError}
              onChange={(event) => setLastName(event.currentTarget.value)}
            />
          </Group>
          {withheld && (
            <TextInput
              size="xs"
              type="email"
              label={t('telephony.actions.email')}
              withAsterisk
              value={email}
              error={emailError}
              maxLength={254}
              onChange={(event) => setEmail(event.currentTarget.value)}
            />
          )}
        </Stack>
      )}
      {!withheld && (
        <CallbackFields
          callId={callId}
          value={callback}
          onChange={(next) => {
            // What the user corrects loses its error at once, not only on the next click.
            if (next.from !== callback.from) setFromError(null);
            if (next.to !== callback.to) setWindowError(null);
            setCallback(next);
          }}
          fromError={fromError}
          toError={windowError}
        />
      )}
      <Group gap={6}>
        {actions.map(({ type, icon: Icon }) => (
          <Button
            key={type}
            size="compact-sm"
            variant={type === 'callback' ? 'filled' : 'light'}
            leftSection={<Icon size={15} />}
            disabled={disabled}
            loading={create.isPending && create.variables?.type === type}
            onClick={() => void run(type)}
          >
            {t(`telephony.actions.${type}`)}
          </Button>
        ))}
      </Group>
      {alreadyDone && !created && (
        <Alert ref={confirmation} color="yellow" variant="light" p="xs" role="status">
          <Text size="sm">
            {t('telephony.actions.alreadyDone')}
            {existingRequestId && (
              <>
                {' '}
                <Anchor component={Link} to={`/requests/${existingRequestId}`} size="sm" fw={600}>
                  {t('telephony.actions.openRequest')}
                </Anchor>
              </>
            )}
          </Text>
        </Alert>
      )}
      {created && (
        <Alert ref={confirmation} color="teal" variant="light" icon={<IconCircleCheck />} p="xs" role="status">
          <Text size="sm" fw={600}>
            {t('telephony.actions.created', { type: t(`requests.type.${created.type}`), number: created.number })}
          </Text>
          {alreadyDone && (
            <Text size="xs" fw={600}>
              {t('telephony.actions.alreadyDone')}
            </Text>
          )}
          <Text size="xs">
            {created.assignee
              ? t('telephony.actions.assignedTo', { name: created.assignee.displayName })
              : t('telephony.actions.unassigned')}
            {' · '}
            <Anchor component={Link} to={`/requests/${created.id}`} size="xs" fw={600}>
              {t('telephony.actions.openRequest')}
            </Anchor>
          </Text>
        </Alert>
      )}
    </Stack>
  );
}
