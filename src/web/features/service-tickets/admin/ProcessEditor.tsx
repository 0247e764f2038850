import {
  ActionIcon,
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_TYPES, type ActivityType } from '@shared/activities/enums';
import {
  SERVICE_ACTIVITIES,
  STEP_ROLES,
  TEMPLATE_TEXT_MAX,
  type ServiceActivity,
  type StepRole,
} from '@shared/service-tickets/schemas';
import { useLocations } from '@web/app/org-queries';
import { useCurrentUser } from '@web/app/auth';
import { describeProblem, serverFieldErrors } from '@web/ui/form-errors';
import { euro, formatHours } from '../format';
import { type ProcessTemplate, useSaveProcess } from '../queries';

interface StepDraft {
  key: number;
  title: string;
  role: StepRole;
  expectedHours: number;
  /** In euros while editing; sent as cents. */
  cost: number;
  activityType: ActivityType | null;
}

let nextKey = 0;
const blankStep = (): StepDraft => ({
  key: ++nextKey,
  title: '',
  role: 'service',
  expectedHours: 1,
  cost: 0,
  activityType: 'other',
});

interface Props {
  /** The version being edited; null for a new process. */
  process: ProcessTemplate | null;
  onDone: (saved: ProcessTemplate | null) => void;
}

/** The ordered steps of a service process: add, move, remove; saving an existing one writes its next version. */
export function ProcessEditor({ process, onDone }: Props) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const locations = useLocations();
  const save = useSaveProcess();
  const [name, setName] = useState(process?.name ?? '');
  const [activity, setActivity] = useState<ServiceActivity>(process?.activity ?? 'maintenance');
  const [locationId, setLocationId] = useState<string | null>(process?.locationId ?? null);
  const [steps, setSteps] = useState<StepDraft[]>(() =>
    process
      ? process.steps.map((s) => ({
          key: ++nextKey,
          title: s.title,
          role: s.role,
          expectedHours: s.expectedHours,
          cost: s.expectedCostCents / 100,
          activityType: s.activityType,
        }))
      : [blankStep()],
  );
  const errors = save.error ? serverFieldErrors(save.error) : {};

  const patch = (key: number, change: Partial<StepDraft>) =>
    setSteps((all) => all.map((s) => (s.key === key ? { ...s, ...change } : s)));
  const move = (index: number, by: -1 | 1) =>
    setSteps((all) => {
      const next = [...all];
      const [step] = next.splice(index, 1);
      next.splice(index + by, 0, step!);
      return next;
    });

  const totalHours = steps.reduce((sum, s) => sum + (s.expectedHours || 0), 0);
  const totalCents = steps.reduce((sum, s) => sum + Math.round((s.cost || 0) * 100), 0);
  const ready = name.trim() !== '' && steps.length > 0 && steps.every((s) => s.title.trim() && s.expectedHours > 0);
  const locationOptions = [
    ...(user.role === 'admin' || user.role === 'manager'
      ? [{ value: '', label: t('serviceTickets.admin.groupWide') }]
      : []),
    ...(locations.data ?? [])
      .filter((l) => user.role === 'admin' || l.id === user.homeLocationId || user.locationIds.includes(l.id))
      .map((l) => ({ value: l.id, label: l.name })),
  ];

  async function submit() {
    const saved = await save
      .mutateAsync({
        id: process?.id ?? null,
        input: {
          name: name.trim(),
          activity,
          locationId,
          steps: steps.map((s) => ({
            title: s.title.trim(),
            role: s.role,
            expectedHours: s.expectedHours,
            expectedCostCents: Math.round((s.cost || 0) * 100),
            activityType: s.activityType,
          })),
        },
      })
      .catch(() => null);
    if (saved) onDone(saved);
  }

  return (
    <Paper withBorder radius="md" p="md" component="form" aria-label={name || t('serviceTickets.admin.new')}>
      <Stack gap="sm">
        <Group grow align="flex-start">
          <TextInput
            label={t('serviceTickets.admin.name')}
            value={name}
            maxLength={TEMPLATE_TEXT_MAX.name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            required
          />
          <Select
            label={t('serviceTickets.admin.activity')}
            value={activity}
            allowDeselect={false}
            data={SERVICE_ACTIVITIES.map((a) => ({ value: a, label: t(`serviceTickets.activity.${a}`) }))}
            onChange={(v) => v && setActivity(v as ServiceActivity)}
          />
          <Select
            label={t('serviceTickets.admin.location')}
            value={locationId ?? ''}
            allowDeselect={false}
            data={locationOptions}
            onChange={(v) => setLocationId(v ? v : null)}
            error={errors.locationId}
          />
        </Group>
        <Title order={5}>{t('serviceTickets.admin.steps')}</Title>
        <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {steps.map((step, index) => {
            const label = t('serviceTickets.admin.step', { n: index + 1 });
            const err = (field: string) => errors[`steps.${index}.${field}`];
            return (
              <Paper key={step.key} withBorder p="xs" radius="sm" component="li" aria-label={label}>
                <Group align="flex-end" wrap="nowrap" gap="xs">
                  <Text fw={600} w={24} pb={8}>
                    {index + 1}.
                  </Text>
                  <TextInput
                    style={{ flex: 3 }}
                    label={t('serviceTickets.admin.title')}
                    value={step.title}
                    maxLength={TEMPLATE_TEXT_MAX.title}
                    onChange={(e) => patch(step.key, { title: e.currentTarget.value })}
                    error={err('title')}
                  />
                  <Select
                    style={{ flex: 2 }}
                    label={t('serviceTickets.admin.role')}
                    value={step.role}
                    allowDeselect={false}
                    data={STEP_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
                    onChange={(v) => v && patch(step.key, { role: v as StepRole })}
                    error={err('role')}
                  />
                  <NumberInput
                    style={{ flex: 1 }}
                    label={t('serviceTickets.admin.hours')}
                    value={step.expectedHours}
                    min={0.25}
                    step={0.25}
                    decimalScale={2}
                    decimalSeparator=","
                    onChange={(v) => patch(step.key, { expectedHours: Number(v) || 0 })}
                    error={err('expectedHours')}
                  />
                  <NumberInput
                    style={{ flex: 1 }}
                    label={t('serviceTickets.admin.cost')}
                    value={step.cost}
                    min={0}
                    decimalScale={2}
                    decimalSeparator=","
                    thousandSeparator="."
                    onChange={(v) => patch(step.key, { cost: Number(v) || 0 })}
                    error={err('expectedCostCents')}
                  />
                  <Select
                    style={{ flex: 2 }}
                    label={t('serviceTickets.admin.activityType')}
                    value={step.activityType ?? ''}
                    allowDeselect={false}
                    data={[
                      { value: '', label: t('serviceTickets.admin.noActivity') },
                      ...ACTIVITY_TYPES.map((a) => ({ value: a, label: t(`texts.activityType.${a}`) })),
                    ]}
                    onChange={(v) => patch(step.key, { activityType: v ? (v as ActivityType) : null })}
                  />
                  <Group gap={2} pb={4} wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      aria-label={`${label}: ${t('serviceTickets.admin.up')}`}
                      disabled={index === 0}
                      onClick={() => move(index, -1)}
                    >
                      <IconArrowUp size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      aria-label={`${label}: ${t('serviceTickets.admin.down')}`}
                      disabled={index === steps.length - 1}
                      onClick={() => move(index, 1)}
                    >
                      <IconArrowDown size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`${label}: ${t('serviceTickets.admin.remove')}`}
                      disabled={steps.length === 1}
                      onClick={() => setSteps((all) => all.filter((s) => s.key !== step.key))}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                </Group>
              </Paper>
            );
          })}
        </Stack>
        <Group justify="space-between">
          <Button
            variant="light"
            leftSection={<IconPlus size={16} />}
            onClick={() => setSteps((all) => [...all, blankStep()])}
            disabled={steps.length >= 30}
          >
            {t('serviceTickets.admin.addStep')}
          </Button>
          <Text size="sm" c="dimmed" data-testid="process-total">
            {t('serviceTickets.admin.total', { hours: formatHours(totalHours), cost: euro(totalCents) })}
          </Text>
        </Group>
        {save.error && Object.keys(errors).length === 0 && (
          <Alert color="red" role="alert">
            {describeProblem(save.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone(null)}>
            {t('serviceTickets.admin.cancel')}
          </Button>
          <Button onClick={() => void submit()} loading={save.isPending} disabled={!ready}>
            {process
              ? t('serviceTickets.admin.saveVersion', { version: process.version + 1 })
              : t('serviceTickets.admin.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
