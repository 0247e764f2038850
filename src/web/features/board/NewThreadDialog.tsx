import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BOARD_LIMITS } from '@shared/board/schemas';
import type { SearchResult } from '@shared/search/schemas';
import { ContactPicker } from '@web/features/vehicles/ContactPicker';
import { reportError } from '@web/ui/form-errors';
import { MentionTextarea } from './MentionTextarea';
import { filesReady, PostFilePicker } from './PostFiles';
import { useChannelReaders, useCreateThread } from './queries';
import { mentionedIn } from './words';

interface NewThreadDialogProps {
  opened: boolean;
  onClose(): void;
  channelId: string;
  /** The customer the thread is about, when started from the customer's record. */
  customer?: { id: string; label: string };
  onCreated(threadId: string): void;
}

/** "Neues Thema": a title, the first post with @mentions, optionally a customer. */
export function NewThreadDialog({ opened, onClose, channelId, customer, onCreated }: NewThreadDialogProps) {
  const { t } = useTranslation();
  const readers = useChannelReaders(channelId);
  const create = useCreateThread();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [contact, setContact] = useState<SearchResult | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const ready = title.trim() !== '' && body.trim() !== '' && filesReady(files);

  async function submit() {
    if (!ready || create.isPending) return;
    try {
      const thread = await create.mutateAsync({
        channelId,
        title: title.trim(),
        body,
        contactId: customer?.id ?? contact?.id,
        mentions: mentionedIn(body, readers.data ?? []),
        files,
      });
      setTitle('');
      setBody('');
      setFiles([]);
      setContact(null);
      onCreated(thread.id);
    } catch (error) {
      reportError(error);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('board.newThread.title')} size="lg">
      <Stack gap="sm">
        <TextInput
          label={t('board.newThread.subject')}
          required
          maxLength={BOARD_LIMITS.title}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          data-autofocus
        />
        {customer ? (
          <Text size="sm">
            {t('board.newThread.customer')}: <b>{customer.label}</b>
          </Text>
        ) : (
          <ContactPicker
            label={t('board.newThread.customerOptional')}
            value={contact}
            onChange={setContact}
            required={false}
          />
        )}
        <MentionTextarea
          label={t('board.newThread.body')}
          description={t('board.reply.hint')}
          required
          value={body}
          onChange={setBody}
          readers={readers.data ?? []}
          onSubmit={() => void submit()}
        />
        <PostFilePicker files={files} onChange={setFiles} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('board.cancel')}
          </Button>
          <Button disabled={!ready} loading={create.isPending} onClick={() => void submit()}>
            {t('board.newThread.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
