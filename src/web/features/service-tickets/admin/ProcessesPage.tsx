import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTool } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@web/ui/components/PageHeader';
import { ListState } from '@web/ui/admin/ListState';
import { useCurrentUser } from '@web/app/auth';
import { euro, formatHours } from '../format';
import { type ProcessTemplate, useProcesses } from '../queries';
import { ProcessEditor } from './ProcessEditor';

/** Administration → Serviceprozesse: the processes with their steps; managers edit theirs, a change is a new version. */
export default function ProcessesPage() {
  const { t } = useTranslation();
  const processes = useProcesses();
  const { role } = useCurrentUser();
  const [editing, setEditing] = useState<ProcessTemplate | 'new' | null>(null);
  const done = (saved: ProcessTemplate | null) => {
    setEditing(null);
    if (saved)
      notifications.show({ color: 'green', message: t('serviceTickets.admin.saved', { version: saved.version }) });
  };

  return (
    <>
      <PageHeader
        title={t('serviceTickets.admin.tab')}
        description={t('serviceTickets.admin.description')}
        actions={
          (role === 'admin' || role === 'manager') && editing === null ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              {t('serviceTickets.admin.new')}
            </Button>
          ) : undefined
        }
      />
      {editing === 'new' && <ProcessEditor process={null} onDone={done} />}
      <ListState
        query={{ ...processes, data: processes.data?.items, refetch: processes.refetch }}
        empty={{
          icon: <IconTool />,
          title: t('serviceTickets.admin.empty'),
          text: t('serviceTickets.admin.description'),
        }}
      >
        <Stack gap="md" mt="md">
          {(processes.data?.items ?? []).map((p) =>
            editing !== 'new' && editing?.id === p.id ? (
              <ProcessEditor key={p.id} process={p} onDone={done} />
            ) : (
              <Paper key={p.id} withBorder radius="md" p="md" component="section" aria-label={p.name}>
                <Group justify="space-between" mb="xs">
                  <Group gap="xs">
                    <Title order={4}>{p.name}</Title>
                    <Badge variant="light">{t(`serviceTickets.activity.${p.activity}`)}</Badge>
                    <Badge variant="outline" color="gray">
                      {t('serviceTickets.admin.version', { version: p.version })}
                    </Badge>
                    <Text size="sm" c="dimmed">
                      {p.locationName ?? t('serviceTickets.admin.groupWide')}
                    </Text>
                  </Group>
                  {p.mayEdit ? (
                    <Button variant="light" size="xs" onClick={() => setEditing(p)} disabled={editing !== null}>
                      {t('serviceTickets.admin.edit')}
                    </Button>
                  ) : (
                    <Text size="xs" c="dimmed">
                      {t('serviceTickets.admin.readOnly')}
                    </Text>
                  )}
                </Group>
                <Stack gap={2} component="ol" style={{ margin: 0, paddingLeft: 20 }}>
                  {p.steps.map((s) => (
                    <Text key={s.position} size="sm" component="li">
                      {s.title} · {t(`roles.${s.role}`)} · {formatHours(s.expectedHours)} h ·{' '}
                      {euro(s.expectedCostCents)}
                      {s.activityType ? ` · ${t(`texts.activityType.${s.activityType}`)}` : ''}
                    </Text>
                  ))}
                </Stack>
                <Text size="sm" c="dimmed" mt="xs">
                  {t('serviceTickets.admin.total', { hours: formatHours(p.totalHours), cost: euro(p.totalCostCents) })}
                </Text>
              </Paper>
            ),
          )}
        </Stack>
      </ListState>
    </>
  );
}
