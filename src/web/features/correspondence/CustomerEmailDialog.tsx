import { Alert, Badge, Button, Checkbox, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPaperclip, IconSend } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerEmailTemplateKey } from '@shared/correspondence/schemas';
import { CUSTOMER_EMAIL_LIMITS } from '@shared/correspondence/schemas';
import { describeProblem } from '@web/ui/form-errors';
import {
  renderTemplate,
  type EmailOptions,
  type EmailSummary,
  type SendInput,
  useEmailOptions,
  useSendCustomerEmail,
} from './queries';
import { useMutation } from '@tanstack/react-query';

export interface PresetAttachment {
  documentId: string;
  fileName: string;
}

export interface CustomerEmailDialogProps {
  contactId: string;
  opened: boolean;
  onClose: () => void;
  /** The request the mail is about: its number goes into the subject and "asked" refers to it. */
  requestId?: string | null;
  opportunityId?: string | null;
  /** A template filled in when the dialog opens (e.g. "offer_sent" from the offer). */
  template?: CustomerEmailTemplateKey | null;
  /** Stored documents sent with the mail (e.g. the offer PDF); the user may remove them. */
  attachments?: PresetAttachment[];
  /** Fills {{offer.number}} in the template. */
  offerNumber?: string | null;
  /** Attachments that always go with this mail (the offer's PDF): shown, not removable. */
  attachmentsFixed?: boolean;
  /** Sends somewhere else than the plain customer mail (e.g. the offer's send, which also marks it sent). */
  send?: (input: SendInput) => Promise<Pick<EmailSummary, 'id' | 'to' | 'status'>>;
  onSent?: (email: Pick<EmailSummary, 'id' | 'to' | 'status'>) => void;
}

/** Whether the mail may go as things stand, and what to show about it. */
type ConsentWord = 'noAddress' | 'blocked' | 'granted' | 'missing' | 'withdrawn';

function consentState(
  options: EmailOptions | undefined,
  asked: boolean,
): { may: boolean; tone: 'gray' | 'red' | 'teal' | 'orange'; key: ConsentWord | null } {
  if (!options) return { may: false, tone: 'gray', key: null };
  if (options.addresses.length === 0) return { may: false, tone: 'red', key: 'noAddress' };
  if (options.blocked) return { may: false, tone: 'red', key: 'blocked' };
  if (options.consent === 'granted') return { may: true, tone: 'teal', key: 'granted' };
  return { may: asked, tone: 'orange', key: options.consent };
}

/**
 * "E-Mail schreiben": to one of the customer's addresses, from the current user with replies to
 * them; a template fills subject and text, which stay editable. Whether the customer agreed to
 * e-mail is shown before sending; without consent it goes only when they asked for it.
 */
export function CustomerEmailDialog(props: CustomerEmailDialogProps) {
  const { contactId, opened, onClose, requestId = null, opportunityId = null } = props;
  const { t, i18n } = useTranslation();
  const options = useEmailOptions(contactId, opened);
  const plain = useSendCustomerEmail(contactId);
  const custom = useMutation({ mutationFn: (input: SendInput) => props.send!(input) });
  const send = props.send ? custom : plain;
  const [to, setTo] = useState<string | null>(null);
  const [templateKey, setTemplateKey] = useState<CustomerEmailTemplateKey | null>(props.template ?? null);
  const [subject, setSubject] = useState('');
  const [text, setText] = useState('');
  const [asked, setAsked] = useState(false);
  const [attachments, setAttachments] = useState<PresetAttachment[]>(props.attachments ?? []);
  const [fillNote, setFillNote] = useState<string | null>(null);

  // The primary address until the user picks another.
  const recipient = to ?? options.data?.addresses[0] ?? null;

  function fill(key: CustomerEmailTemplateKey | null) {
    setTemplateKey(key);
    if (key) void applyTemplate(key);
  }

  async function applyTemplate(key: CustomerEmailTemplateKey) {
    try {
      const locale = i18n.language?.startsWith('en') ? 'en' : 'de';
      const rendered = await renderTemplate(contactId, {
        templateKey: key,
        locale,
        requestId,
        offerNumber: props.offerNumber ?? null,
      });
      setSubject(rendered.subject);
      setText(rendered.body);
      const open = [...rendered.missing, ...rendered.unknown];
      setFillNote(
        open.length > 0 ? t('correspondence.missing', { names: open.map((n) => `{{${n}}}`).join(', ') }) : null,
      );
    } catch (error) {
      setFillNote(describeProblem(error));
    }
  }

  useEffect(() => {
    if (opened && props.template) void applyTemplate(props.template);
    // Only when the dialog opens with a preset template.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  const state = consentState(options.data, asked);
  const canSend = state.may && subject.trim() !== '' && text.trim() !== '' && !!recipient;

  async function submit() {
    try {
      const sent = await send.mutateAsync({
        to: recipient,
        templateKey,
        subject,
        text,
        attachmentDocumentIds: attachments.map((a) => a.documentId),
        requestId,
        opportunityId,
        askedInRequest: asked,
      });
      // Without a mail server the message waits in the outbox: say so rather than "being sent".
      notifications.show(
        sent.status === 'held'
          ? { color: 'yellow', message: t('correspondence.sentHeld', { to: sent.to }), autoClose: 10_000 }
          : { color: 'teal', message: t('correspondence.sent', { to: sent.to }) },
      );
      props.onSent?.(sent);
      onClose();
    } catch {
      // Shown below in words.
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('correspondence.title')} size="lg">
      <Stack>
        {state.key && (
          <Alert color={state.tone} variant="light" data-testid="consent-state" role="status">
            {t(`correspondence.consent.${state.key}`)}
          </Alert>
        )}
        {options.data &&
          !options.data.blocked &&
          options.data.addresses.length > 0 &&
          options.data.consent !== 'granted' && (
            <Checkbox
              label={t('correspondence.asked')}
              description={requestId ? t('correspondence.askedHint') : t('correspondence.askedNeedsRequest')}
              disabled={!requestId}
              checked={asked}
              onChange={(e) => setAsked(e.currentTarget.checked)}
            />
          )}
        <Select
          label={t('correspondence.to')}
          data={options.data?.addresses ?? []}
          value={recipient}
          onChange={setTo}
          allowDeselect={false}
        />
        <Select
          label={t('correspondence.template')}
          placeholder={t('correspondence.noTemplate')}
          clearable
          data={(options.data?.templates ?? []).map((tpl) => ({
            value: tpl.key,
            label: t(`correspondence.templates.${tpl.key}`),
          }))}
          value={templateKey}
          onChange={(value) => fill(value as CustomerEmailTemplateKey | null)}
        />
        {fillNote && (
          <Text size="sm" c="orange">
            {fillNote}
          </Text>
        )}
        <TextInput
          label={t('correspondence.subject')}
          required
          maxLength={CUSTOMER_EMAIL_LIMITS.subject}
          value={subject}
          onChange={(e) => setSubject(e.currentTarget.value)}
        />
        <Textarea
          label={t('correspondence.text')}
          required
          autosize
          minRows={8}
          maxLength={CUSTOMER_EMAIL_LIMITS.text}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        {attachments.length > 0 && (
          <Group gap="xs" aria-label={t('correspondence.attachments')}>
            {attachments.map((a) => (
              <Badge
                key={a.documentId}
                variant="light"
                leftSection={<IconPaperclip size={12} />}
                rightSection={
                  !props.attachmentsFixed && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      aria-label={t('correspondence.removeAttachment', { name: a.fileName })}
                      onClick={() => setAttachments((list) => list.filter((x) => x.documentId !== a.documentId))}
                    >
                      ×
                    </Button>
                  )
                }
              >
                {a.fileName}
              </Badge>
            ))}
          </Group>
        )}
        {send.isError && (
          <Alert color="red" variant="light" role="alert">
            {describeProblem(send.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            leftSection={<IconSend size={16} />}
            disabled={!canSend}
            loading={send.isPending}
            onClick={() => void submit()}
          >
            {t('correspondence.send')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
