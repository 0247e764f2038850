import { Button, Group, NumberInput, Select, Switch, Table, Text } from '@mantine/core';
import { IconClockHour4 } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SLA_UNITS, type SlaUnit } from '@shared/requests/enums';
import { MAX_SLA, type TypeSetting } from '@shared/requests/settings';
import { useCurrentUser } from '@web/app/auth';
import { PageHeader } from '@web/ui/components/PageHeader';
import { describeError } from '@web/ui/describe-error';
import { AdminTable } from '@web/ui/admin/AdminTable';
import { ListState } from '@web/ui/admin/ListState';
import { useResetTypeSetting, useSaveTypeSetting, useTypeSettings } from './queries';
import { can } from '@shared/auth/policies';

/** /admin/deadlines — how soon the first contact is due, per request type (R3.3); the group's setting, so admins change it. */
export default function DeadlinesPage() {
  const { t } = useTranslation();
  const settings = useTypeSettings();
  const editable = can(useCurrentUser().role, 'requests.typeSettings.manage');

  return (
    <>
      <PageHeader title={t('deadlines.title')} description={t('deadlines.subtitle')} />
      {!editable && (
        <Text size="sm" c="dimmed" mb="sm">
          {t('deadlines.adminsOnly')}
        </Text>
      )}
      <ListState
        query={settings}
        empty={{ icon: <IconClockHour4 />, title: t('deadlines.emptyTitle'), text: t('deadlines.emptyText') }}
      >
        <AdminTable
          minWidth={560}
          verticalSpacing="sm"
          columns={[t('requests.fields.type'), t('deadlines.firstContact'), t('deadlines.acknowledgement')]}
        >
          {(settings.data ?? []).map((setting) => (
            // Keyed by the stored value, so saving or resetting starts the row from what is stored.
            <DeadlineRow
              key={`${setting.type}-${setting.firstContactAmount}-${setting.firstContactUnit}-${setting.acknowledgement}`}
              setting={setting}
              editable={editable}
            />
          ))}
        </AdminTable>
      </ListState>
    </>
  );
}

function DeadlineRow({ setting, editable }: { setting: TypeSetting; editable: boolean }) {
  const { t } = useTranslation();
  const save = useSaveTypeSetting();
  const reset = useResetTypeSetting();
  const [amount, setAmount] = useState<number>(setting.firstContactAmount);
  const [unit, setUnit] = useState<SlaUnit>(setting.firstContactUnit);
  const [acknowledgement, setAcknowledgement] = useState(setting.acknowledgement);
  const changed =
    amount !== setting.firstContactAmount ||
    unit !== setting.firstContactUnit ||
    acknowledgement !== setting.acknowledgement;
  const label = t(`requests.type.${setting.type}`);

  if (!editable) {
    return (
      <Table.Tr>
        <Table.Td>
          <Text fw={500}>{label}</Text>
        </Table.Td>
        <Table.Td>
          {setting.firstContactAmount} {t(`deadlines.unit.${setting.firstContactUnit}`)}
        </Table.Td>
        <Table.Td>
          {setting.acknowledgement ? t('deadlines.acknowledgementOn') : t('deadlines.acknowledgementOff')}
        </Table.Td>
        <Table.Td />
      </Table.Tr>
    );
  }

  return (
    <Table.Tr>
      <Table.Td>
        <Text fw={500}>{label}</Text>
        {setting.isDefault && (
          <Text size="xs" c="dimmed">
            {t('deadlines.default')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <NumberInput
            aria-label={t('deadlines.amountOf', { type: label })}
            value={amount}
            onChange={(value) => setAmount(typeof value === 'number' ? value : Number(value) || 1)}
            min={1}
            max={MAX_SLA[unit]}
            allowDecimal={false}
            w={90}
          />
          <Select
            aria-label={t('deadlines.unitOf', { type: label })}
            data={SLA_UNITS.map((value) => ({ value, label: t(`deadlines.unit.${value}`) }))}
            value={unit}
            onChange={(value) => value && setUnit(value as SlaUnit)}
            allowDeselect={false}
            w={170}
          />
        </Group>
        {(save.error ?? reset.error) && (
          <Text size="xs" c="red" mt={4} role="alert">
            {describeError(save.error ?? reset.error)}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Switch
          aria-label={t('deadlines.acknowledgementOf', { type: label })}
          description={t('deadlines.acknowledgementHint')}
          checked={acknowledgement}
          onChange={(e) => setAcknowledgement(e.currentTarget.checked)}
        />
      </Table.Td>
      <Table.Td>
        <Group gap="xs" justify="flex-end">
          <Button
            size="xs"
            disabled={!changed}
            loading={save.isPending}
            onClick={() =>
              save.mutate({
                type: setting.type,
                body: { firstContactAmount: amount, firstContactUnit: unit, acknowledgement },
              })
            }
          >
            {t('common.save')}
          </Button>
          {!setting.isDefault && (
            <Button size="xs" variant="subtle" loading={reset.isPending} onClick={() => reset.mutate(setting.type)}>
              {t('deadlines.reset')}
            </Button>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
