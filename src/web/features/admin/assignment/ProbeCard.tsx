import { Alert, Button, Group, List, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconUserQuestion } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportError } from '@web/ui/form-errors';
import { DEPARTMENT_KINDS } from '@shared/org/enums';
import { REQUEST_TYPES } from '@shared/requests/enums';
import type { AssignmentDecisionData } from '@web/features/requests/types';
import { useCurrentUser } from '@web/app/auth';
import { useLocations } from '@web/app/org-queries';
import { fromLocalInput } from '@web/features/requests/intake/callback-windows';
import { CustomerSearchField } from '@web/features/requests/intake/CustomerSearchField';
import { useProbe } from './queries';
import { DayTimeFields, isHalfFilled } from '@web/ui/date-fields';

interface Values {
  type: string;
  locationId: string;
  brand: string;
  source: string;
  department: string;
  at: string;
}

/** The types whose fallback follows the department they name (see the server's fallback.ts). */
const NAMES_DEPARTMENT = new Set(['callback', 'general', 'complaint']);

/** "Wer würde dieses Anliegen bekommen?" — the rules tried on an imagined request, with their reasoning. */
export function ProbeCard() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const locations = useLocations();
  const probe = useProbe();
  const [contact, setContact] = useState<{ id: string; name: string } | null>(null);
  const form = useForm<Values>({
    initialValues: {
      type: 'service_appointment',
      locationId: me.homeLocationId,
      brand: '',
      source: '',
      department: '',
      at: '',
    },
  });

  async function submit(values: Values) {
    if (isHalfFilled(values.at)) {
      form.setFieldError('at', t('validation.dayAndTime'));
      return;
    }
    try {
      await probe.mutateAsync({
        type: values.type,
        locationId: values.locationId,
        brand: values.brand.trim() || null,
        source: values.source.trim() || null,
        contactId: contact?.id ?? null,
        department: NAMES_DEPARTMENT.has(values.type) && values.department ? values.department : null,
        ...(values.at ? { at: fromLocalInput(values.at) } : {}),
      });
    } catch (error) {
      reportError(error, form);
    }
  }

  const decision = probe.data;
  return (
    <Paper withBorder radius="md" p="md">
      <Group gap="xs" mb="sm">
        <IconUserQuestion size={20} />
        <Title order={4}>{t('assignment.probe.title')}</Title>
      </Group>
      <form onSubmit={form.onSubmit(submit)}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('requests.fields.type')}
              data={REQUEST_TYPES.map((type) => ({ value: type, label: t(`requests.type.${type}`) }))}
              allowDeselect={false}
              {...form.getInputProps('type')}
            />
            <Select
              label={t('requests.fields.location')}
              data={(locations.data ?? []).map((location) => ({ value: location.id, label: location.name }))}
              allowDeselect={false}
              {...form.getInputProps('locationId')}
            />
            <TextInput label={t('assignment.probe.brand')} {...form.getInputProps('brand')} />
            <TextInput label={t('assignment.probe.source')} {...form.getInputProps('source')} />
            {NAMES_DEPARTMENT.has(form.values.type) && (
              <Select
                label={t('assignment.probe.department')}
                description={t('assignment.probe.departmentHint')}
                data={DEPARTMENT_KINDS.map((kind) => ({ value: kind, label: t(`departments.${kind}`) }))}
                clearable
                {...form.getInputProps('department')}
                value={form.values.department || null}
                onChange={(value) => form.setFieldValue('department', value ?? '')}
              />
            )}
            <CustomerSearchField
              optional
              label={
                contact ? t('assignment.probe.customerPicked', { name: contact.name }) : t('assignment.probe.customer')
              }
              onPick={(hit) => setContact(hit.contactId ? { id: hit.contactId, name: hit.title } : null)}
              onNewCustomer={() => undefined}
            />
            <DayTimeFields
              label={t('assignment.probe.at')}
              description={t('assignment.probe.atHint')}
              value={form.values.at}
              error={form.errors.at}
              onChange={(at) => form.setFieldValue('at', at)}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            {contact && (
              <Button variant="subtle" size="xs" onClick={() => setContact(null)}>
                {t('assignment.probe.clearCustomer')}
              </Button>
            )}
            <Button type="submit" loading={probe.isPending}>
              {t('assignment.probe.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      {decision && (
        <Alert
          mt="md"
          color={decision.assignee ? 'teal' : 'orange'}
          variant="light"
          radius="md"
          role="status"
          title={
            decision.assignee
              ? t('assignment.probe.result', { name: decision.assignee.displayName })
              : t('assignment.probe.nobody')
          }
        >
          {decision.onBehalfOf && (
            <Text size="sm" mb={4}>
              {t('requests.view.onBehalfOf', { name: decision.onBehalfOf.displayName })}
            </Text>
          )}
          <Text size="sm" mb={4}>
            {decision.rule ? t('assignment.probe.rule', { name: decision.rule.name }) : t('assignment.probe.noRule')}
          </Text>
          {decision.fallback && <FallbackLines decision={decision} fallback={decision.fallback} />}
          <List size="sm" spacing={2}>
            {decision.explanation.map((line, index) => (
              <List.Item key={index}>{line}</List.Item>
            ))}
          </List>
          {decision.notify.length > 0 && (
            <Text size="xs" c="dimmed" mt="xs">
              {t('assignment.probe.notify', { names: decision.notify.map((user) => user.displayName).join(', ') })}
            </Text>
          )}
        </Alert>
      )}
    </Paper>
  );
}

/** Who the fallback picked, as whom, and why — in the reader's language. */
function FallbackLines({
  decision,
  fallback,
}: {
  decision: AssignmentDecisionData;
  fallback: NonNullable<AssignmentDecisionData['fallback']>;
}) {
  const { t } = useTranslation();
  const team = t(`assignment.probe.fallback.team.${fallback.team ?? 'none'}`);
  const name = decision.assignee?.displayName ?? '';
  const manager = fallback.standsInFor?.displayName ?? '';
  return (
    <Stack gap={0} mb={4}>
      <Text size="sm" fw={500}>
        {t(`assignment.probe.fallback.${fallback.via}`, { name, team, manager })}
      </Text>
      <Text size="sm">{t(`assignment.probe.fallback.reason.${fallback.reason}`)}</Text>
    </Stack>
  );
}
