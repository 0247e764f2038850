import {
  Alert,
  Button,
  Checkbox,
  FileButton,
  Group,
  Modal,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSend, IconUpload } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CUSTOMER_EMAIL_LIMITS } from '@shared/correspondence/schemas';
import { useAuth } from '@web/app/auth';
import { renderTemplate, useEmailOptions } from '@web/features/correspondence';
import { describeProblem } from '@web/ui/form-errors';
import { ACCEPT, fileProblem } from '../attachments/files';
import { useFileProblemText } from '../attachments/problem-text';
import { useAttachments, useUploadAttachments } from '../attachments/queries';
import { useEmailReply } from '../queries';
import type { CustomerRequest } from '../types';

/** The request number in brackets: a reply finds its request by it even without the headers. */
export function withNumber(subject: string, number: string): string {
  return subject.includes(`[${number}]`) ? subject : `${subject} [${number}]`;
}

/**
 * "Per E-Mail antworten": to one of the customer's addresses, from the current user. The
 * subject answers the customer's ("Re: …") or takes the template's; the text comes from the
 * reply template; files of the request go with it, new ones are added to the request first.
 */
export function EmailReplyDialog({
  request,
  opened,
  onClose,
}: {
  request: CustomerRequest;
  opened: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const options = useEmailOptions(request.contact.id, opened);
  const files = useAttachments(request.id);
  const upload = useUploadAttachments(request.id);
  const reply = useEmailReply(request.id);
  const { mailServer } = useAuth();
  const problemText = useFileProblemText();
  const [to, setTo] = useState<string | null>(null);
  const [subject, setSubject] = useState('');
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [tried, setTried] = useState(false);
  const [note, setNote] = useState<string | null>(null);

  const recipient = to ?? options.data?.addresses[0] ?? null;

  useEffect(() => {
    // Mounted afresh for each reply (see RequestPage), so the state starts empty.
    if (!opened) return;
    const locale = i18n.language?.startsWith('en') ? 'en' : 'de';
    renderTemplate(request.contact.id, { templateKey: 'general_reply', locale, requestId: request.id })
      .then((rendered) => {
        // The customer wrote: answer their subject. Otherwise the template's wording.
        const base = request.channel === 'email' ? `Re: ${request.subject}` : rendered.subject;
        setSubject(withNumber(base, request.number));
        setText(rendered.body);
      })
      .catch((error: unknown) => {
        setSubject(withNumber(`Re: ${request.subject}`, request.number));
        setNote(describeProblem(error));
      });
    // Filled each time the dialog opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  const errors = {
    to: !recipient ? t('requests.reply.errors.to') : null,
    subject: subject.trim() === '' ? t('requests.reply.errors.subject') : null,
    text: text.trim() === '' ? t('requests.reply.errors.text') : null,
  };

  function add(list: File[]) {
    const found = fileProblem(list);
    setNote(found ? problemText(found) : null);
    if (found || list.length === 0) return;
    upload.mutate(list, {
      // What was just uploaded goes with the mail.
      onSuccess: (all) => setChosen((ids) => [...ids, ...all.slice(-list.length).map((f) => f.id)]),
    });
  }

  async function submit() {
    setTried(true);
    if (errors.to || errors.subject || errors.text) return;
    try {
      await reply.mutateAsync({
        to: recipient!,
        subject,
        text,
        attachmentIds: chosen,
        templateKey: 'general_reply',
      });
      // Without a mail server the reply waits in the outbox: say so rather than "being sent".
      notifications.show(
        mailServer
          ? { color: 'teal', message: t('requests.reply.sent', { to: recipient }) }
          : { color: 'yellow', message: t('correspondence.sentHeld', { to: recipient }), autoClose: 10_000 },
      );
      onClose();
    } catch {
      // Shown below in words.
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('requests.reply.title', { number: request.number })} size="lg">
      <Stack>
        {options.data && options.data.addresses.length === 0 && (
          <Alert color="red" variant="light" role="status">
            {t('correspondence.consent.noAddress')}
          </Alert>
        )}
        {options.data?.blocked && (
          <Alert color="red" variant="light" role="status">
            {t('correspondence.consent.blocked')}
          </Alert>
        )}
        <Select
          label={t('requests.reply.to')}
          required
          data={options.data?.addresses ?? []}
          value={recipient}
          onChange={setTo}
          allowDeselect={false}
          error={tried ? errors.to : null}
        />
        <TextInput
          label={t('requests.reply.subject')}
          required
          maxLength={CUSTOMER_EMAIL_LIMITS.subject}
          value={subject}
          onChange={(e) => setSubject(e.currentTarget.value)}
          error={tried ? errors.subject : null}
        />
        <Textarea
          label={t('requests.reply.text')}
          required
          autosize
          minRows={8}
          maxLength={CUSTOMER_EMAIL_LIMITS.text}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={tried ? errors.text : null}
        />
        <Stack gap={4}>
          <Group justify="space-between">
            <Text size="sm" fw={500}>
              {t('requests.reply.attachments')}
            </Text>
            <FileButton onChange={add} accept={ACCEPT} multiple>
              {(props) => (
                <Button
                  {...props}
                  size="xs"
                  variant="light"
                  leftSection={<IconUpload size={14} />}
                  loading={upload.isPending}
                >
                  {t('requests.reply.upload')}
                </Button>
              )}
            </FileButton>
          </Group>
          {(files.data ?? []).length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('requests.reply.noFiles')}
            </Text>
          ) : (
            (files.data ?? []).map((file) => (
              <Checkbox
                key={file.id}
                label={file.fileName}
                checked={chosen.includes(file.id)}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  setChosen((ids) => (on ? [...ids, file.id] : ids.filter((id) => id !== file.id)));
                }}
              />
            ))
          )}
        </Stack>
        {(note ?? upload.error) && (
          <Text size="sm" c="orange" role="alert">
            {note ?? describeProblem(upload.error)}
          </Text>
        )}
        {reply.isError && (
          <Alert color="red" variant="light" role="alert">
            {describeProblem(reply.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button leftSection={<IconSend size={16} />} loading={reply.isPending} onClick={() => void submit()}>
            {t('requests.reply.send')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
