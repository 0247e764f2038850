import { Divider, SegmentedControl, Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import type { UseFormReturnType } from '@mantine/form';
import 'dayjs/locale/de';
import { useTranslation } from 'react-i18next';
import { CHANNELS, SALUTATIONS } from '@shared/contacts/enums';
import { useLocations } from '@web/app/org-queries';
import { currentLocale } from '@web/i18n';
import { todayInBerlin } from '../format';
import { useDirectory } from '../queries';
import { AddressRows, EmailRows, PhoneRows, withBlur } from './ContactRows';
import type { ContactFormValues } from './values';

interface ContactFormFieldsProps {
  form: UseFormReturnType<ContactFormValues>;
  onIdentityBlur?(): void;
  /** Focus the first name field when the form opens. */
  autoFocus?: boolean;
}

/** All fields of a contact, shared by the new-customer page and the edit drawer. */
export function ContactFormFields({ form, onIdentityBlur, autoFocus }: ContactFormFieldsProps) {
  const { t } = useTranslation();
  const locations = useLocations();
  const directory = useDirectory();
  const values = form.getValues();
  const company = values.kind === 'company';

  // The colleague already assigned stays selectable even if their role has changed since.
  const colleagues = (roles: readonly string[], current: string | null) =>
    (directory.data ?? [])
      .filter((entry) => entry.id === current || (entry.active && roles.includes(entry.role)))
      .map((entry) => ({ value: entry.id, label: entry.displayName }));

  return (
    <Stack gap="md">
      <SegmentedControl
        aria-label={t('customers.fields.kind')}
        data={[
          { value: 'person', label: t('customers.kind.person') },
          { value: 'company', label: t('customers.kind.company') },
        ]}
        {...form.getInputProps('kind')}
        style={{ alignSelf: 'flex-start' }}
      />

      {company ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('customers.fields.companyName')}
            withAsterisk
            data-autofocus={autoFocus || undefined}
            autoFocus={autoFocus}
            {...withBlur(form.getInputProps('companyName'), onIdentityBlur)}
          />
        </SimpleGrid>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <Select
            label={t('customers.fields.salutation')}
            data={SALUTATIONS.map((value) => ({ value, label: t(`customers.salutation.${value}`) }))}
            allowDeselect={false}
            {...form.getInputProps('salutation')}
          />
          <TextInput label={t('customers.fields.title')} placeholder="Dr." {...form.getInputProps('title')} />
          <TextInput
            label={t('customers.fields.firstName')}
            data-autofocus={autoFocus || undefined}
            autoFocus={autoFocus}
            {...withBlur(form.getInputProps('firstName'), onIdentityBlur)}
          />
          <TextInput
            label={t('customers.fields.lastName')}
            withAsterisk
            {...withBlur(form.getInputProps('lastName'), onIdentityBlur)}
          />
          <DateInput
            label={t('customers.fields.dateOfBirth')}
            valueFormat="DD.MM.YYYY"
            placeholder={t('customers.form.datePlaceholder')}
            locale={currentLocale()}
            maxDate={todayInBerlin()}
            defaultLevel="decade"
            clearable
            {...form.getInputProps('dateOfBirth')}
          />
          <TextInput label={t('customers.fields.position')} {...form.getInputProps('position')} />
        </SimpleGrid>
      )}

      <Divider />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <PhoneRows form={form} onIdentityBlur={onIdentityBlur} />
        <EmailRows form={form} onIdentityBlur={onIdentityBlur} />
      </SimpleGrid>
      <AddressRows form={form} onIdentityBlur={onIdentityBlur} />

      <Divider />
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        <Select
          label={t('customers.fields.homeLocation')}
          withAsterisk
          allowDeselect={false}
          searchable
          data={(locations.data ?? []).map((location) => ({ value: location.id, label: location.name }))}
          {...form.getInputProps('homeLocationId')}
        />
        <Select
          label={t('customers.fields.salesConsultant')}
          placeholder={t('customers.form.nobody')}
          searchable
          clearable
          data={colleagues(['sales', 'manager'], values.salesConsultantId)}
          {...form.getInputProps('salesConsultantId')}
        />
        <Select
          label={t('customers.fields.serviceAdvisor')}
          placeholder={t('customers.form.nobody')}
          searchable
          clearable
          data={colleagues(['service', 'manager'], values.serviceAdvisorId)}
          {...form.getInputProps('serviceAdvisorId')}
        />
        <Select
          label={t('customers.fields.preferredChannel')}
          placeholder={t('customers.form.noPreference')}
          clearable
          data={CHANNELS.map((value) => ({ value, label: t(`customers.channel.${value}`) }))}
          {...form.getInputProps('preferredChannel')}
        />
      </SimpleGrid>
      <TagsInput
        label={t('customers.fields.tags')}
        description={t('customers.form.tagsHint')}
        clearable
        {...form.getInputProps('tags')}
      />
      <Textarea label={t('customers.fields.notes')} autosize minRows={2} maxRows={8} {...form.getInputProps('notes')} />
    </Stack>
  );
}
