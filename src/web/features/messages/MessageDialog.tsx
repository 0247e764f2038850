import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MESSAGE_TEXT_MAX, MESSAGE_TYPES, type MessageType } from '@shared/messages/enums';
import { type MessageInput, missingMessageFields } from '@shared/messages/schemas';
import { useCurrentUser } from '@web/app/auth';
import { useDirectory } from '@web/features/customers/queries';
import { reportError } from '@web/ui/form-errors';
import { EMPTY_TYPE_FIELDS, MessageTypeFields, type TypeFieldValues } from './MessageTypeFields';
import { type CustomerMessage, useCreateMessage, useEnteringPeople } from './queries';

export interface MessageCustomer {
  id: string;
  displayName: string;
  customerNumber?: string | null;
}

export interface MessageDialogProps {
  opened: boolean;
  onClose: () => void;
  customer: MessageCustomer;
  /** Whether the customer is blocked now: offers "Sperre aufheben". */
  blocked?: boolean;
  /** Supplied by the board: "An das Board" saves the message and hands it over. Hidden without it. */
  onToBoard?: (message: CustomerMessage) => void;
}

/** The form's label of a missing field. */
const FIELD_LABEL: Record<string, string> = { contactId: 'customer', responsibleId: 'responsible' };

const blankToNull = (v: string) => (v.trim() === '' ? null : v);

/** The message form (R1.4): customer, responsible, text, type with its fields, entering employee. */
export function MessageDialog({ opened, onClose, customer, blocked = false, onToBoard }: MessageDialogProps) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const directory = useDirectory();
  const people = useEnteringPeople(me.homeLocationId);
  const create = useCreateMessage();
  const [type, setType] = useState<MessageType | null>(null);
  const [responsibleId, setResponsibleId] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [enteredById, setEnteredById] = useState<string>(me.id);
  const [extra, setExtra] = useState<TypeFieldValues>(EMPTY_TYPE_FIELDS);

  const input: MessageInput = {
    contactId: customer.id,
    responsibleId,
    text: blankToNull(text),
    type,
    enteredById,
    locationId: me.homeLocationId,
    internalSubject: extra.internalSubject as MessageInput['internalSubject'],
    checkName: blankToNull(extra.checkName),
    checkDay: blankToNull(extra.checkDay),
    checkEntryId: blankToNull(extra.checkEntryId),
    blockReason: blankToNull(extra.blockReason),
    blockUntil: extra.blockUntil ? new Date(`${extra.blockUntil}T23:59:59`).toISOString() : null,
    houseRule: blankToNull(extra.houseRule),
    channel: extra.channel as MessageInput['channel'],
  };
  const missing = missingMessageFields(input);
  const fieldLabel = (f: string) => t(`messages.form.${FIELD_LABEL[f] ?? f}` as 'messages.form.text');
  const ready = missing.length === 0;

  function reset() {
    setType(null);
    setResponsibleId(null);
    setText('');
    setEnteredById(me.id);
    setExtra(EMPTY_TYPE_FIELDS);
  }
  function close() {
    reset();
    onClose();
  }
  async function save(then?: (message: CustomerMessage) => void) {
    if (!ready || create.isPending) return;
    try {
      const message = await create.mutateAsync(input);
      notifications.show({
        color: 'green',
        message: t(message.unblockState === 'pending' ? 'messages.form.savedPending' : 'messages.form.saved'),
      });
      then?.(message);
      close();
    } catch (error) {
      reportError(error);
    }
  }
  function liftBlock() {
    setType('unblock');
    if (!text.startsWith(t('messages.form.unblockText'))) setText(t('messages.form.unblockText') + text);
  }

  const colleagues = (directory.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.displayName }));
  const enteringOptions = (people.data?.items ?? [{ id: me.id, displayName: me.displayName }]).map((p) => ({
    value: p.id,
    label: p.displayName,
  }));

  return (
    <Modal opened={opened} onClose={close} title={t('messages.form.title')} size="lg">
      <Stack
        gap="sm"
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save();
          }
        }}
      >
        <Text fw={600} data-testid="message-customer">
          {t('messages.form.customer')}: {[customer.customerNumber, customer.displayName].filter(Boolean).join(' · ')}
        </Text>
        {blocked && <Alert color="red">{t('messages.form.blockedNotice')}</Alert>}
        <Select
          label={t('messages.form.type')}
          required
          data={MESSAGE_TYPES.map((m) => ({ value: m, label: t(`messages.type.${m}`) }))}
          value={type}
          onChange={(v) => setType(v as MessageType | null)}
        />
        <MessageTypeFields type={type} values={extra} onChange={(patch) => setExtra((v) => ({ ...v, ...patch }))} />
        <Select
          label={t('messages.form.responsible')}
          description={t('messages.form.responsibleHint')}
          required
          searchable
          data={colleagues}
          value={responsibleId}
          onChange={setResponsibleId}
        />
        <Textarea
          label={t('messages.form.text')}
          description={t('messages.form.textHint')}
          required
          autosize
          minRows={3}
          maxLength={MESSAGE_TEXT_MAX}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <Select
          label={t('messages.form.enteredBy')}
          data={enteringOptions}
          value={enteredById}
          onChange={(v) => setEnteredById(v ?? me.id)}
          allowDeselect={false}
        />
        {!ready && (
          <Text size="xs" c="dimmed">
            {t('messages.form.missing', { fields: missing.map(fieldLabel).join(', ') })}
          </Text>
        )}
        <Group justify="space-between">
          <Group gap="xs">
            {blocked && type !== 'unblock' && (
              <Button variant="light" color="red" onClick={liftBlock}>
                {t('messages.form.liftBlock')}
              </Button>
            )}
          </Group>
          <Group gap="xs">
            <Button variant="default" onClick={close}>
              {t('messages.form.close')}
            </Button>
            {onToBoard && (
              <Button variant="light" disabled={!ready} loading={create.isPending} onClick={() => void save(onToBoard)}>
                {t('messages.form.toBoard')}
              </Button>
            )}
            <Button
              disabled={!ready}
              loading={create.isPending}
              onClick={() => void save()}
              title={t('messages.form.saveHint')}
            >
              {t('messages.form.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
