import { Button, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMailDown } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '@shared/auth/policies';
import type { Mailbox } from '@shared/mailboxes/schemas';
import { useCurrentUser } from '@web/app/auth';
import { AddButton } from '@web/ui/admin/AddButton';
import { AdminTable } from '@web/ui/admin/AdminTable';
import { EditModal } from '@web/ui/admin/EditModal';
import { ListState } from '@web/ui/admin/ListState';
import { RowActions } from '@web/ui/admin/RowActions';
import { reportError } from '@web/ui/form-errors';
import { MailboxForm } from './MailboxForm';
import { MailboxStateBadge } from './MailboxStateBadge';
import { useFetchMailbox, useMailboxes } from './queries';

/** Administration → Postfächer: the mailboxes read into requests, with their live state. */
export default function MailboxesPage() {
  const { t } = useTranslation();
  const { role } = useCurrentUser();
  const canEdit = can(role, 'mailboxes.manage');
  const mailboxes = useMailboxes();
  const fetchNow = useFetchMailbox();
  const [editing, setEditing] = useState<Mailbox | 'new' | null>(null);

  async function fetchMailbox(m: Mailbox) {
    try {
      await fetchNow.mutateAsync(m.id);
      notifications.show({ color: 'teal', message: t('mailboxes.fetched', { name: m.name }) });
    } catch (error) {
      reportError(error);
    }
  }

  return (
    <>
      {canEdit && <AddButton label={t('mailboxes.new')} onClick={() => setEditing('new')} />}
      <ListState
        query={mailboxes}
        empty={{
          icon: <IconMailDown />,
          title: t('mailboxes.emptyTitle'),
          text: t('mailboxes.emptyText'),
          ...(canEdit ? { actionLabel: t('mailboxes.new'), onAction: () => setEditing('new') } : {}),
        }}
      >
        <AdminTable
          minWidth={760}
          verticalSpacing="sm"
          columns={[t('mailboxes.form.name'), t('mailboxes.form.address'), t('mailboxes.stateColumn')]}
        >
          {(mailboxes.data ?? []).map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {m.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {m.host}:{m.port} · {m.folder}
                </Text>
              </Table.Td>
              <Table.Td>{m.address}</Table.Td>
              <Table.Td>
                <MailboxStateBadge mailbox={m} />
              </Table.Td>
              <Table.Td ta="right">
                {canEdit && (
                  <>
                    <Button
                      size="xs"
                      variant="light"
                      mr="xs"
                      loading={fetchNow.isPending && fetchNow.variables === m.id}
                      onClick={() => void fetchMailbox(m)}
                    >
                      {t('mailboxes.fetchNow')}
                    </Button>
                    <RowActions onEdit={() => setEditing(m)} />
                  </>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </AdminTable>
      </ListState>
      <EditModal
        editing={editing}
        onClose={() => setEditing(null)}
        titles={{ create: t('mailboxes.createTitle'), edit: t('mailboxes.editTitle') }}
      >
        {(item) => <MailboxForm mailbox={item} onClose={() => setEditing(null)} />}
      </EditModal>
    </>
  );
}
