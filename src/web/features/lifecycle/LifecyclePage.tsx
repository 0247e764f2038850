import { Alert, Button, Group, Switch, Table, Text } from '@mantine/core';
import { IconPlayerPlay, IconPlus, IconTimeline } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LifecycleRuleView } from '@shared/lifecycle/rules';
import { useCurrentUser } from '@web/app/auth';
import { AdminTable } from '@web/ui/admin/AdminTable';
import { ListState } from '@web/ui/admin/ListState';
import { PageHeader } from '@web/ui/components/PageHeader';
import { describeError } from '@web/ui/describe-error';
import { useLifecycleRules, useRunLifecycle, useSaveLifecycleRule } from './queries';
import { RuleEditor } from './RuleEditor';

/** /admin/lifecycle — the rules that act by themselves after delivery, and "Jetzt ausführen". */
export default function LifecyclePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const rules = useLifecycleRules();
  const run = useRunLifecycle();
  const [editing, setEditing] = useState<LifecycleRuleView | 'new' | null>(null);
  const mayEdit = (rule: LifecycleRuleView) =>
    user.role === 'admin' || (rule.locationId !== null && user.locationIds.includes(rule.locationId));

  return (
    <>
      <PageHeader
        title={t('lifecycle.title')}
        description={t('lifecycle.subtitle')}
        actions={
          <Group>
            <Button
              variant="default"
              leftSection={<IconPlayerPlay size={16} />}
              loading={run.isPending}
              onClick={() => run.mutate()}
            >
              {t('lifecycle.runNow')}
            </Button>
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              {t('lifecycle.newRule')}
            </Button>
          </Group>
        }
      />
      {run.data && (
        <Alert color="teal" mb="md" role="status">
          {t('lifecycle.runResult', { ...run.data })}
        </Alert>
      )}
      {run.isError && (
        <Alert color="red" mb="md" role="alert">
          {describeError(run.error)}
        </Alert>
      )}
      {user.role !== 'admin' && (
        <Text size="sm" c="dimmed" mb="sm">
          {t('lifecycle.adminsOnlyGroup')}
        </Text>
      )}
      <ListState
        query={rules}
        empty={{ icon: <IconTimeline />, title: t('lifecycle.emptyTitle'), text: t('lifecycle.emptyText') }}
      >
        <AdminTable
          minWidth={720}
          verticalSpacing="sm"
          columns={[
            t('lifecycle.columns.name'),
            t('lifecycle.columns.scope'),
            t('lifecycle.columns.when'),
            t('lifecycle.columns.action'),
            t('lifecycle.columns.consent'),
            t('lifecycle.columns.enabled'),
            '',
          ]}
        >
          {(rules.data ?? []).map((rule) => (
            <RuleRow key={rule.id} rule={rule} editable={mayEdit(rule)} onEdit={() => setEditing(rule)} />
          ))}
        </AdminTable>
      </ListState>
      {editing && <RuleEditor rule={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}

function RuleRow({ rule, editable, onEdit }: { rule: LifecycleRuleView; editable: boolean; onEdit(): void }) {
  const { t, i18n } = useTranslation();
  const save = useSaveLifecycleRule();
  const { id, version, defaultKey: _key, locationName, ...values } = rule;
  return (
    <Table.Tr>
      <Table.Td>{rule.name}</Table.Td>
      <Table.Td>
        {[locationName ?? t('lifecycle.groupWide'), rule.make].filter(Boolean).join(' · ')}
        {rule.phase && (
          <Text size="xs" c="dimmed">
            {t(`lifecycle.phase.${rule.phase}`)}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {rule.trigger === 'service_by_mileage'
          ? t('lifecycle.whenMileage', { km: rule.amount.toLocaleString(i18n.language), lead: rule.leadDays })
          : t('lifecycle.when', { amount: rule.amount, trigger: t(`lifecycle.trigger.${rule.trigger}`) })}
      </Table.Td>
      <Table.Td>
        {t(`lifecycle.action.${rule.action}`)} · {t(`lifecycle.assignee.${rule.assignee}`)}
      </Table.Td>
      <Table.Td>
        {rule.consentChannel && rule.consentPurpose
          ? t('lifecycle.consentOf', {
              channel: t(`customers.channel.${rule.consentChannel}`),
              purpose: t(`customers.consent.purpose.${rule.consentPurpose}`),
            })
          : t('lifecycle.noConsent')}
      </Table.Td>
      <Table.Td>
        <Switch
          aria-label={t('lifecycle.enabledOf', { name: rule.name })}
          checked={rule.enabled}
          disabled={!editable || save.isPending}
          onChange={(e) => save.mutate({ id, version, values: { ...values, enabled: e.currentTarget.checked } })}
        />
        {save.isError && (
          <Text c="red" size="xs" role="alert">
            {describeError(save.error)}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {editable && (
          <Button size="xs" variant="subtle" onClick={onEdit}>
            {t('lifecycle.edit')}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
