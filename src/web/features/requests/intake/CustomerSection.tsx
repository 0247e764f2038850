import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconBan, IconSearch, IconUser } from '@tabler/icons-react';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { SearchResult } from '@shared/search/schemas';
import { useContact } from '@web/features/customers/queries';
import { CustomerSearchField, splitQuery } from './CustomerSearchField';
import type { IntakeValues } from './intake-values';

interface CustomerSectionProps {
  form: UseFormReturnType<IntakeValues>;
  initialQuery: string;
  searchRef: Ref<HTMLInputElement>;
  /** Called once a customer is known, so the form can move the focus on. */
  onChosen(): void;
}

/** Who the request is from: a customer found by search, or a new one captured with name and phone. */
export function CustomerSection({ form, initialQuery, searchRef, onChosen }: CustomerSectionProps) {
  const { t } = useTranslation();
  const { contactId, newCustomer } = form.values;

  function pick(hit: SearchResult) {
    form.setFieldValue('contactId', hit.contactId ?? '');
    // A vehicle hit brings its vehicle along: the customer called about that car.
    form.setFieldValue('vehicleId', hit.type === 'vehicle' ? hit.id : null);
    form.clearFieldError('contactId');
    onChosen();
  }

  if (contactId) {
    return (
      <PickedCustomer
        contactId={contactId}
        onChange={() => {
          form.setFieldValue('contactId', '');
          form.setFieldValue('vehicleId', null);
        }}
      />
    );
  }

  if (newCustomer) {
    return (
      <Paper withBorder radius="md" p="sm">
        <Group justify="space-between" mb="xs">
          <Text fw={600} size="sm">
            {t('requests.intake.newCustomer')}
          </Text>
          <Button variant="subtle" size="xs" onClick={() => form.setFieldValue('newCustomer', false)}>
            {t('requests.intake.searchInstead')}
          </Button>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('requests.intake.firstName')} {...form.getInputProps('customer.firstName')} />
          <TextInput label={t('requests.intake.lastName')} withAsterisk {...form.getInputProps('customer.lastName')} />
          <TextInput label={t('requests.intake.phone')} type="tel" {...form.getInputProps('customer.phone')} />
          <TextInput label={t('requests.intake.email')} type="email" {...form.getInputProps('customer.email')} />
        </SimpleGrid>
      </Paper>
    );
  }

  return (
    <CustomerSearchField
      initialQuery={initialQuery}
      inputRef={searchRef}
      autoFocus
      error={form.errors.contactId as string | undefined}
      onPick={pick}
      onNewCustomer={(query) => {
        const split = splitQuery(query);
        form.setFieldValue('customer', split);
        form.setFieldValue('newCustomer', true);
        form.clearFieldError('contactId');
        // The first empty field gets the focus: usually the name after a phone number was typed.
        setTimeout(() => {
          const field = split.lastName ? (split.phone ? 'email' : 'phone') : 'lastName';
          form.getInputNode(`customer.${field}`)?.focus();
        }, 0);
      }}
    />
  );
}

/** The chosen customer at a glance, with a red mark when blocked. */
function PickedCustomer({ contactId, onChange }: { contactId: string; onChange(): void }) {
  const { t } = useTranslation();
  const { data } = useContact(contactId);
  return (
    <Paper withBorder radius="md" p="sm" bg={data?.activeBlock ? 'red.0' : 'gray.0'}>
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <IconUser size={20} />
          <Stack gap={0}>
            <Group gap={6}>
              <Anchor component={Link} to={`/customers/${contactId}`} fw={700} target="_blank">
                {data?.displayName ?? t('common.loading')}
              </Anchor>
              {data?.activeBlock && (
                <Badge color="red" leftSection={<IconBan size={12} />}>
                  {t('requests.list.blocked')}
                </Badge>
              )}
            </Group>
            <Text size="xs" c="dimmed">
              {[data?.customerNumber, data?.phones[0]?.display, data?.emails[0]?.address].filter(Boolean).join(' · ')}
            </Text>
          </Stack>
        </Group>
        <Button variant="subtle" size="xs" leftSection={<IconSearch size={14} />} onClick={onChange}>
          {t('requests.intake.changeCustomer')}
        </Button>
      </Group>
    </Paper>
  );
}
