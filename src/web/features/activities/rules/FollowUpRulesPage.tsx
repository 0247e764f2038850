import {
  ActionIcon,
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { notifications as toasts } from '@mantine/notifications';
import { IconPlus, IconRestore, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_RESULTS, ACTIVITY_TYPES, type ActivityResult, type ActivityType } from '@shared/activities/enums';
import type { FollowUpRule } from '@shared/activities/schemas';
import { AdminTable } from '@web/ui/admin/AdminTable';
import { ConfirmDialog } from '@web/ui/components/ConfirmDialog';
import { ErrorState } from '@web/ui/components/ErrorState';
import { PageHeader } from '@web/ui/components/PageHeader';
import { describeError } from '@web/ui/describe-error';
import { useFollowUpRules, useSaveFollowUpRules } from './queries';

/** The server keeps at most this many rules. */
const MAX_RULES = 100;
const MAX_DAYS = 730;
/** "alle" in a select: a rule for any type or any result. */
const ANY = '*';

interface DraftRule extends FollowUpRule {
  key: number;
}

let nextKey = 1;
const draftOf = (rules: FollowUpRule[]): DraftRule[] => rules.map((rule) => ({ ...rule, key: nextKey++ }));
const plain = (rules: DraftRule[]): FollowUpRule[] =>
  rules.map(({ activityType, result, followUpType, afterDays }) => ({ activityType, result, followUpType, afterDays }));
const sameRules = (a: FollowUpRule[], b: FollowUpRule[]) => JSON.stringify(a) === JSON.stringify(b);

/** The index (from 1) of each rule that repeats an earlier one's type and result: only one of them could ever apply. */
function duplicates(rules: FollowUpRule[]): Set<number> {
  const seen = new Set<string>();
  const found = new Set<number>();
  rules.forEach((rule, index) => {
    const key = `${rule.activityType ?? ANY}|${rule.result ?? ANY}`;
    if (seen.has(key)) found.add(index + 1);
    seen.add(key);
  });
  return found;
}

/**
 * /admin/follow-ups — which follow-up completing an activity proposes, and after how many
 * days (issue: "after 'offer sent' → 'offer follow-up' in 10 days"). Managers edit the whole
 * table and save it at once; resetting brings back the rules the product ships with.
 */
export default function FollowUpRulesPage() {
  const { t } = useTranslation();
  const rules = useFollowUpRules();

  return (
    <>
      <PageHeader title={t('followUpRules.title')} description={t('followUpRules.subtitle')} />
      {rules.isPending ? (
        <Stack gap="xs" aria-busy="true">
          {[0, 1, 2, 3].map((row) => (
            <Skeleton key={row} height={44} />
          ))}
        </Stack>
      ) : rules.isError ? (
        <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />
      ) : (
        // Starts again from what is stored whenever that changes (saved, reset).
        <RulesEditor key={JSON.stringify(rules.data)} stored={rules.data} />
      )}
    </>
  );
}

function RulesEditor({ stored }: { stored: FollowUpRule[] }) {
  const { t } = useTranslation();
  const save = useSaveFollowUpRules();
  const [draft, setDraft] = useState<DraftRule[]>(() => draftOf(stored));
  const [confirmReset, setConfirmReset] = useState(false);
  const rules = plain(draft);
  const changed = !sameRules(rules, stored);
  const repeated = duplicates(rules);

  const typeOptions = ACTIVITY_TYPES.map((value) => ({ value, label: t(`texts.activityType.${value}`) }));
  const resultOptions = ACTIVITY_RESULTS.map((value) => ({ value, label: t(`texts.activityResult.${value}`) }));
  const any = { value: ANY, label: t('followUpRules.any') };

  const update = (key: number, patch: Partial<FollowUpRule>) =>
    setDraft((current) => current.map((rule) => (rule.key === key ? { ...rule, ...patch } : rule)));

  const submit = (list: FollowUpRule[], done: string) =>
    save.mutate(list, { onSuccess: () => toasts.show({ color: 'green', message: done }) });

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('followUpRules.example')}
      </Text>
      <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
        {draft.length === 0 ? (
          <Text p="md" c="dimmed">
            {t('followUpRules.empty')}
          </Text>
        ) : (
          <AdminTable
            minWidth={760}
            verticalSpacing="xs"
            columns={[
              t('followUpRules.activityType'),
              t('followUpRules.result'),
              t('followUpRules.followUpType'),
              t('followUpRules.afterDays'),
            ]}
          >
            {draft.map((rule, index) => {
              const n = index + 1;
              return (
                <Table.Tr key={rule.key} aria-label={t('followUpRules.rowLabel', { n })}>
                  <Table.Td>
                    <Select
                      aria-label={t('followUpRules.activityTypeOf', { n })}
                      data={[any, ...typeOptions]}
                      value={rule.activityType ?? ANY}
                      onChange={(value) =>
                        value && update(rule.key, { activityType: value === ANY ? null : (value as ActivityType) })
                      }
                      allowDeselect={false}
                      error={repeated.has(n)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={t('followUpRules.resultOf', { n })}
                      data={[any, ...resultOptions]}
                      value={rule.result ?? ANY}
                      onChange={(value) =>
                        value && update(rule.key, { result: value === ANY ? null : (value as ActivityResult) })
                      }
                      allowDeselect={false}
                      error={repeated.has(n)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={t('followUpRules.followUpTypeOf', { n })}
                      data={typeOptions}
                      value={rule.followUpType}
                      onChange={(value) => value && update(rule.key, { followUpType: value as ActivityType })}
                      allowDeselect={false}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={t('followUpRules.afterDaysOf', { n })}
                      value={rule.afterDays}
                      onChange={(value) =>
                        update(rule.key, {
                          afterDays: Math.min(MAX_DAYS, Math.max(0, Math.trunc(Number(value) || 0))),
                        })
                      }
                      min={0}
                      max={MAX_DAYS}
                      allowDecimal={false}
                      allowNegative={false}
                      w={100}
                    />
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('followUpRules.remove', { n })}
                      onClick={() => setDraft((current) => current.filter((r) => r.key !== rule.key))}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </AdminTable>
        )}
      </Paper>
      {[...repeated].map((n) => (
        <Text key={n} size="sm" c="red" role="alert">
          {t('followUpRules.duplicate', { n })}
        </Text>
      ))}
      {save.isError && (
        <Alert color="red" variant="light">
          {describeError(save.error)}
        </Alert>
      )}
      <Group justify="space-between">
        <Button
          variant="default"
          leftSection={<IconPlus size={16} />}
          disabled={draft.length >= MAX_RULES}
          onClick={() =>
            setDraft((current) => [
              ...current,
              { key: nextKey++, activityType: null, result: null, followUpType: 'call', afterDays: 7 },
            ])
          }
        >
          {t('followUpRules.add')}
        </Button>
        <Group gap="sm">
          {changed && (
            <Text size="sm" c="orange.8">
              {t('followUpRules.unsaved')}
            </Text>
          )}
          <Button variant="subtle" leftSection={<IconRestore size={16} />} onClick={() => setConfirmReset(true)}>
            {t('followUpRules.reset')}
          </Button>
          <Button
            disabled={!changed || repeated.size > 0}
            loading={save.isPending && !confirmReset}
            onClick={() => submit(rules, t('followUpRules.saved'))}
          >
            {t('followUpRules.save')}
          </Button>
        </Group>
      </Group>
      <ConfirmDialog
        opened={confirmReset}
        title={t('followUpRules.reset')}
        message={t('followUpRules.resetConfirm')}
        confirmLabel={t('followUpRules.reset')}
        danger
        loading={save.isPending}
        onConfirm={() =>
          save.mutate([], {
            onSuccess: () => {
              setConfirmReset(false);
              toasts.show({ color: 'green', message: t('followUpRules.resetDone') });
            },
          })
        }
        onClose={() => setConfirmReset(false)}
      />
    </Stack>
  );
}
