import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Stack,
  Table,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowsJoin, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportError } from '@web/ui/form-errors';
import { useContact, useContactPicker, useDuplicateCheck, useMergeContact } from '../queries';
import type { Contact } from '../types';
import { mergePlan } from './merge-plan';

interface MergeDialogProps {
  /** The record kept: the duplicate is merged into it. */
  contact: Contact;
  opened: boolean;
  onClose(): void;
}

interface Pickable {
  id: string;
  displayName: string;
  customerNumber: string;
  city: string | null;
  primaryPhone: string | null;
}

/**
 * Merging a duplicate into this record (managers): pick the duplicate from the likely ones or by
 * name, see side by side what stays and what moves over, confirm. The duplicate then redirects here.
 */
export function MergeDialog({ contact, opened, onClose }: MergeDialogProps) {
  const { t } = useTranslation();
  const [duplicateId, setDuplicateId] = useState<string | null>(null);
  const close = () => {
    setDuplicateId(null);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('customers.merge.title')} size="xl">
      {duplicateId ? (
        <MergePreview contact={contact} duplicateId={duplicateId} onBack={() => setDuplicateId(null)} onDone={close} />
      ) : (
        <DuplicatePicker contact={contact} onPick={setDuplicateId} />
      )}
    </Modal>
  );
}

function DuplicatePicker({ contact, onPick }: { contact: Contact; onPick(id: string): void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const check = useDuplicateCheck();
  const found = useContactPicker(query);
  const { mutate } = check;

  useEffect(() => {
    mutate({
      kind: contact.kind,
      firstName: contact.firstName,
      lastName: contact.lastName,
      companyName: contact.companyName,
      phones: contact.phones.slice(0, 10).map((p) => ({ number: p.raw })),
      emails: contact.emails.slice(0, 10).map((e) => ({ address: e.address })),
    });
  }, [contact, mutate]);

  const others = (list: Pickable[] | undefined) => (list ?? []).filter((entry) => entry.id !== contact.id);
  const candidates = others(check.data);
  const hits = others(found.data?.items);

  return (
    <Stack gap="md">
      <Text size="sm">{t('customers.merge.pickIntro', { name: contact.displayName })}</Text>
      <Stack gap={6}>
        <Text fw={600} size="sm">
          {t('customers.merge.candidates')}
        </Text>
        {check.isPending ? (
          <Loader size="sm" />
        ) : candidates.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('customers.merge.noCandidates')}
          </Text>
        ) : (
          candidates.map((entry) => <PickRow key={entry.id} entry={entry} onPick={onPick} />)
        )}
      </Stack>
      <TextInput
        label={t('customers.merge.search')}
        placeholder={t('customers.merge.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        maxLength={100}
      />
      {query.trim().length >= 2 &&
        (found.isPending ? (
          <Loader size="sm" />
        ) : hits.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('customers.merge.noHits')}
          </Text>
        ) : (
          <Stack gap={6}>
            {hits.map((entry) => (
              <PickRow key={entry.id} entry={entry} onPick={onPick} />
            ))}
          </Stack>
        ))}
    </Stack>
  );
}

function PickRow({ entry, onPick }: { entry: Pickable; onPick(id: string): void }) {
  const { t } = useTranslation();
  return (
    <UnstyledButton
      onClick={() => onPick(entry.id)}
      aria-label={t('customers.merge.pick', { name: entry.displayName })}
      p="xs"
      style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-sm)' }}
    >
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" fw={600}>
          {entry.displayName}
        </Text>
        <Text size="xs" c="dimmed">
          {[entry.customerNumber, entry.city, entry.primaryPhone].filter(Boolean).join(' · ')}
        </Text>
      </Group>
    </UnstyledButton>
  );
}

function MergePreview({
  contact,
  duplicateId,
  onBack,
  onDone,
}: {
  contact: Contact;
  duplicateId: string;
  onBack(): void;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const duplicate = useContact(duplicateId);
  const merge = useMergeContact(contact.id);

  async function confirm() {
    try {
      await merge.mutateAsync(duplicateId);
      notifications.show({
        color: 'teal',
        message: t('customers.merge.done', { name: duplicate.data?.displayName ?? '' }),
      });
      onDone();
    } catch (error) {
      reportError(error);
    }
  }

  if (duplicate.isPending) return <Loader size="sm" />;
  if (duplicate.isError) {
    return (
      <Alert color="red" title={t('customers.merge.loadFailed')}>
        <Button variant="default" size="xs" onClick={onBack}>
          {t('customers.merge.back')}
        </Button>
      </Alert>
    );
  }
  const lines = mergePlan(contact, duplicate.data);
  return (
    <Stack gap="md">
      <Table withTableBorder withColumnBorders aria-label={t('customers.merge.compare')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            <Table.Th>{t('customers.merge.kept', { name: contact.displayName })}</Table.Th>
            <Table.Th>{t('customers.merge.duplicate', { name: duplicate.data.displayName })}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line) => (
            <Table.Tr key={line.label}>
              <Table.Th>{t(line.label as 'customers.merge.fields.name')}</Table.Th>
              <Table.Td>{line.kept ?? '–'}</Table.Td>
              <Table.Td>
                <Group gap={6}>
                  <Text
                    size="sm"
                    td={line.effect === 'stays' ? 'line-through' : undefined}
                    c={line.effect === 'stays' ? 'dimmed' : undefined}
                  >
                    {line.duplicate ?? '–'}
                  </Text>
                  {(line.effect === 'moves' || line.effect === 'fills') && (
                    <Badge size="sm" color="teal" variant="light" tt="none">
                      {t(`customers.merge.effect.${line.effect}`)}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Alert color="orange" variant="light" icon={<IconArrowsJoin />}>
        {t('customers.merge.consequence', {
          kept: `${contact.displayName} (${contact.customerNumber})`,
          duplicate: `${duplicate.data.displayName} (${duplicate.data.customerNumber})`,
        })}
      </Alert>
      <Group justify="flex-end">
        <Button variant="default" onClick={onBack}>
          {t('customers.merge.other')}
        </Button>
        <Button
          color="orange"
          leftSection={<IconArrowsJoin size={16} />}
          loading={merge.isPending}
          onClick={() => void confirm()}
        >
          {t('customers.merge.confirm')}
        </Button>
      </Group>
    </Stack>
  );
}
