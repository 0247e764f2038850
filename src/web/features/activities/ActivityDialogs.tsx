import { Anchor, Badge, Button, Group, Modal, Stack, Text, Textarea, Alert, Loader, Center } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconCalendarEvent,
  IconCheck,
  IconMapPin,
  IconPencil,
  IconUser,
  IconX,
} from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { can } from '@shared/auth/policies';
import { useCurrentUser } from '@web/app/auth';
import { ApiError } from '@web/ui/api';
import { ErrorState } from '@web/ui/components/ErrorState';
import { reportError } from '@web/ui/form-errors';
import { formatDateTime } from '@web/ui/format';
import { CompleteActivityDialog } from './CompleteActivityDialog';
import { PlanActivityDialog } from './PlanActivityDialog';
import { type Activity, useActivity, useCancelActivity } from './queries';
import { TYPE_COLORS } from './type-colors';
import { formatWhen } from './words';

/** Cancel with an optional reason; the activity stays in the history. */
function CancelDialog({ activity, onClose }: { activity: Activity | null; onClose(): void }) {
  const { t } = useTranslation();
  const cancel = useCancelActivity();
  const [reason, setReason] = useState('');
  async function submit() {
    if (!activity) return;
    try {
      await cancel.mutateAsync({ id: activity.id, reason: reason.trim() || null, version: activity.version });
      notifications.show({ color: 'gray', message: t('activity.cancelled') });
      setReason('');
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409)
        notifications.show({ color: 'orange', message: t('activity.conflict') });
      else reportError(error);
    }
  }
  return (
    <Modal
      opened={Boolean(activity)}
      onClose={onClose}
      title={activity ? t('activity.cancelTitle', { subject: activity.subject }) : ''}
      radius="md"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <Textarea
            label={t('activity.cancelReason')}
            autosize
            minRows={2}
            maxLength={500}
            value={reason}
            data-autofocus
            onChange={(event) => setReason(event.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.close')}
            </Button>
            <Button type="submit" color="red" loading={cancel.isPending}>
              {t('activity.cancelConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function Line({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Text c="dimmed" lh={1} mt={2}>
        {icon}
      </Text>
      <Text size="sm">{children}</Text>
    </Group>
  );
}

/** One activity with what can be done with it: opened from the calendar, a list or a reminder link. */
function DetailsDialog({
  id,
  onClose,
  onComplete,
  onEdit,
  onCancel,
}: {
  id: string | null;
  onClose(): void;
  onComplete(activity: Activity): void;
  onEdit(activity: Activity): void;
  onCancel(activity: Activity): void;
}) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const query = useActivity(id);
  const activity = query.data;
  const canPlan = can(me.role, 'activities.plan');
  return (
    <Modal opened={Boolean(id)} onClose={onClose} title={t('activity.details')} size="lg" radius="md">
      {query.isPending && (
        <Center py="xl">
          <Loader />
        </Center>
      )}
      {query.isError &&
        (query.error instanceof ApiError && [400, 403, 404].includes(query.error.status) ? (
          <Alert color="gray">{t('activity.notFound')}</Alert>
        ) : (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ))}
      {activity && (
        <Stack gap="sm">
          <Group gap="xs">
            <Badge color={TYPE_COLORS[activity.type]} variant="light">
              {t(`texts.activityType.${activity.type}`)}
            </Badge>
            <Badge
              color={activity.status === 'open' ? 'blue' : activity.status === 'done' ? 'teal' : 'gray'}
              variant="outline"
            >
              {t(`activity.status.${activity.status}`)}
            </Badge>
            {activity.overdue && (
              <Badge color="red" leftSection={<IconAlertTriangle size={12} />}>
                {t('activity.overdue')}
              </Badge>
            )}
            {activity.priority === 'high' && <Badge color="orange">{t('activity.priorities.high')}</Badge>}
          </Group>
          <Text fw={600} size="lg">
            {activity.subject}
          </Text>
          <Line icon={<IconCalendarEvent size={16} />}>{formatWhen(activity, t)}</Line>
          {activity.place && <Line icon={<IconMapPin size={16} />}>{activity.place}</Line>}
          <Line icon={<IconUser size={16} />}>
            {activity.owner.displayName}
            {activity.createdBy && activity.createdBy.id !== activity.owner.id
              ? ` · ${t('activity.createdBy', { name: activity.createdBy.displayName })}`
              : ''}
          </Line>
          {(activity.contact || activity.request) && (
            <Group gap="md">
              {activity.contact && (
                <Anchor
                  component={Link}
                  to={`/customers/${activity.contact.id}?tab=activities`}
                  size="sm"
                  onClick={onClose}
                >
                  {t('activity.customer')}: {activity.contact.label}
                </Anchor>
              )}
              {activity.request && (
                <Anchor component={Link} to={`/requests/${activity.request.id}`} size="sm" onClick={onClose}>
                  {t('activity.request')}: {activity.request.label}
                </Anchor>
              )}
            </Group>
          )}
          {activity.note && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} bg="var(--mantine-color-gray-0)" p="xs">
              {activity.note}
            </Text>
          )}
          {activity.status === 'done' && activity.result && (
            <Alert color="teal" icon={<IconCheck />} p="sm">
              <Text size="sm" fw={500}>
                {t(`texts.activityResult.${activity.result}`)}
                {activity.completedBy && activity.completedAt
                  ? ` · ${t('activity.completedBy', { name: activity.completedBy.displayName, when: formatDateTime(activity.completedAt) })}`
                  : ''}
              </Text>
              {activity.resultNote && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {activity.resultNote}
                </Text>
              )}
            </Alert>
          )}
          {activity.status === 'cancelled' && activity.cancelReason && (
            <Alert color="gray" icon={<IconX />} p="sm">
              {activity.cancelReason}
            </Alert>
          )}
          {canPlan && activity.status === 'open' && (
            <Group justify="flex-end" mt="sm">
              <Button variant="subtle" color="red" leftSection={<IconX size={16} />} onClick={() => onCancel(activity)}>
                {t('activity.cancel')}
              </Button>
              <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => onEdit(activity)}>
                {t('activity.move')}
              </Button>
              <Button color="teal" leftSection={<IconCheck size={16} />} onClick={() => onComplete(activity)}>
                {t('activity.complete')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Modal>
  );
}

/**
 * The dialogs every place that shows activities needs (details, complete, edit or move, cancel), with
 * functions to open them. Render `dialogs` once.
 */
export function useActivityDialogs() {
  const [viewing, setViewing] = useState<string | null>(null);
  const [completing, setCompleting] = useState<Activity | null>(null);
  const [editing, setEditing] = useState<Activity | null>(null);
  const [cancelling, setCancelling] = useState<Activity | null>(null);
  const [onViewClosed, setOnViewClosed] = useState<(() => void) | null>(null);

  const closeView = () => {
    setViewing(null);
    onViewClosed?.();
    setOnViewClosed(null);
  };
  const fromView = (open: (activity: Activity) => void) => (activity: Activity) => {
    closeView();
    open(activity);
  };

  const dialogs = (
    <>
      <DetailsDialog
        id={viewing}
        onClose={closeView}
        onComplete={fromView(setCompleting)}
        onEdit={fromView(setEditing)}
        onCancel={fromView(setCancelling)}
      />
      <CompleteActivityDialog activity={completing} onClose={() => setCompleting(null)} />
      <PlanActivityDialog opened={Boolean(editing)} activity={editing ?? undefined} onClose={() => setEditing(null)} />
      <CancelDialog activity={cancelling} onClose={() => setCancelling(null)} />
    </>
  );

  return {
    /** Opens the details; `onClosed` runs when they close (e.g. to drop ?activity= from the address). */
    view: (id: string, onClosed?: () => void) => {
      setViewing(id);
      setOnViewClosed(() => onClosed ?? null);
    },
    complete: setCompleting,
    edit: setEditing,
    cancel: setCancelling,
    dialogs,
  };
}
