import { Button, Group, MultiSelect, Select, SimpleGrid, Stack, Switch, TagsInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ASSIGNMENT_STRATEGIES, REQUEST_TYPES, type AssignmentStrategy } from '@shared/requests/enums';
import { AssignmentRuleInput } from '@shared/requests/assignment';
import { reportError, zodValidate } from '@web/ui/form-errors';
import { useCurrentUser } from '@web/app/auth';
import { useLocations } from '@web/app/org-queries';
import { useDirectory } from '@web/features/customers/queries';
import { AssigneeSelect } from '@web/features/requests/components/AssigneeSelect';
import type { AssignmentRuleData } from '@web/features/requests/types';
import { useSaveRule } from './queries';

interface Values {
  name: string;
  active: boolean;
  match: { types: string[]; locationIds: string[]; brands: string[]; sources: string[] };
  strategy: AssignmentStrategy;
  userId: string | null;
  groupUserIds: string[];
  notifyManager: boolean;
  notifyDeputy: boolean;
}

function initial(rule: AssignmentRuleData | null, defaultLocationIds: string[]): Values {
  return {
    name: rule?.name ?? '',
    active: rule?.active ?? true,
    match: {
      types: rule?.match.types ?? [],
      locationIds: rule?.match.locationIds ?? defaultLocationIds,
      brands: rule?.match.brands ?? [],
      sources: rule?.match.sources ?? [],
    },
    strategy: rule?.strategy ?? 'round_robin',
    userId: rule?.user?.id ?? null,
    groupUserIds: rule?.groupUsers.map((user) => user.id) ?? [],
    notifyManager: rule?.notifyManager ?? false,
    notifyDeputy: rule?.notifyDeputy ?? true,
  };
}

const toBody = (values: Values) => ({ ...values, userId: values.strategy === 'fixed_user' ? values.userId : null });

/** A new rule or a change to one; the page puts it in its edit modal. */
export function RuleForm({ rule, onClose }: { rule: AssignmentRuleData | null; onClose(): void }) {
  const { t } = useTranslation();
  const locations = useLocations();
  const directory = useDirectory();
  const save = useSaveRule();
  const me = useCurrentUser();
  // Managers set rules for their own locations; a new rule starts with the home location.
  const form = useForm<Values>({
    initialValues: initial(rule, me.role === 'admin' ? [] : [me.homeLocationId]),
    validate: zodValidate<Values>(AssignmentRuleInput, toBody),
  });
  // Only colleagues working at the rule's locations can take its requests.
  const ruleLocations = form.values.match.locationIds;
  const people = (directory.data ?? [])
    .filter((entry) => entry.active)
    .filter(
      (entry) =>
        ruleLocations.length === 0 ||
        form.values.groupUserIds.includes(entry.id) ||
        ruleLocations.some((id) => entry.homeLocationId === id || entry.locationIds.includes(id)),
    )
    .map((entry) => ({ value: entry.id, label: `${entry.displayName} (${t(`roles.${entry.role}`)})` }));
  const strategy = form.values.strategy;

  async function submit(values: Values) {
    try {
      const saved = await save.mutateAsync({ id: rule?.id, body: toBody(values) });
      notifications.show({ color: 'teal', message: t('assignment.rules.saved', { name: saved.name }) });
      onClose();
    } catch (error) {
      reportError(error, form);
    }
  }

  return (
    <form onSubmit={form.onSubmit(submit)}>
      <Stack>
        <Group align="flex-end">
          <TextInput
            label={t('assignment.rules.name')}
            withAsterisk
            data-autofocus
            style={{ flex: 1 }}
            {...form.getInputProps('name')}
          />
          <Switch label={t('common.active')} mb={8} {...form.getInputProps('active', { type: 'checkbox' })} />
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MultiSelect
            label={t('assignment.rules.types')}
            placeholder={t('assignment.rules.any')}
            data={REQUEST_TYPES.map((type) => ({ value: type, label: t(`requests.type.${type}`) }))}
            clearable
            {...form.getInputProps('match.types')}
          />
          <MultiSelect
            label={t('assignment.rules.locations')}
            placeholder={t('assignment.rules.any')}
            data={(locations.data ?? []).map((location) => ({ value: location.id, label: location.name }))}
            clearable
            {...form.getInputProps('match.locationIds')}
          />
          <TagsInput
            label={t('assignment.rules.brands')}
            placeholder={t('assignment.rules.any')}
            {...form.getInputProps('match.brands')}
          />
          <TagsInput
            label={t('assignment.rules.sources')}
            placeholder={t('assignment.rules.any')}
            {...form.getInputProps('match.sources')}
          />
        </SimpleGrid>
        <Select
          label={t('assignment.rules.strategy')}
          data={ASSIGNMENT_STRATEGIES.map((value) => ({ value, label: t(`assignment.strategy.${value}`) }))}
          allowDeselect={false}
          {...form.getInputProps('strategy')}
        />
        {strategy === 'fixed_user' ? (
          <AssigneeSelect label={t('assignment.rules.person')} withAsterisk {...form.getInputProps('userId')} />
        ) : (
          <MultiSelect
            label={t('assignment.rules.group')}
            description={
              strategy === 'regular_consultant' || strategy === 'regular_advisor'
                ? t('assignment.rules.groupFallback')
                : t('assignment.rules.groupHint')
            }
            withAsterisk={strategy === 'round_robin' || strategy === 'least_loaded'}
            data={people}
            searchable
            {...form.getInputProps('groupUserIds')}
          />
        )}
        <Group>
          <Switch
            label={t('assignment.rules.notifyManager')}
            {...form.getInputProps('notifyManager', { type: 'checkbox' })}
          />
          <Switch
            label={t('assignment.rules.notifyDeputy')}
            {...form.getInputProps('notifyDeputy', { type: 'checkbox' })}
          />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
