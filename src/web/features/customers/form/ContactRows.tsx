import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ADDRESS_KINDS, EMAIL_KINDS, PHONE_KINDS } from '@shared/contacts/enums';
import { emptyAddress, emptyEmail, emptyPhone, type ContactFormValues } from './values';

interface RowsProps {
  form: UseFormReturnType<ContactFormValues>;
  /** Called when a field that identifies a person loses focus (phone, e-mail): time to look for duplicates. */
  onIdentityBlur?(): void;
}

function withBlur(props: ReturnType<UseFormReturnType<ContactFormValues>['getInputProps']>, after?: () => void) {
  return {
    ...props,
    onBlur: (event: React.FocusEvent<HTMLInputElement>) => {
      (props.onBlur as ((event: React.FocusEvent<HTMLInputElement>) => void) | undefined)?.(event);
      after?.();
    },
  };
}

function SectionTitle({ children }: { children: string }) {
  return (
    <Text fw={600} size="sm">
      {children}
    </Text>
  );
}

export function PhoneRows({ form, onIdentityBlur }: RowsProps) {
  const { t } = useTranslation();
  const rows = form.getValues().phones;
  return (
    <Stack gap="xs">
      <SectionTitle>{t('customers.fields.phones')}</SectionTitle>
      {rows.map((_, index) => (
        <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
          <Select
            aria-label={t('customers.fields.phoneKind')}
            data={PHONE_KINDS.map((kind) => ({ value: kind, label: t(`customers.phoneKind.${kind}`) }))}
            allowDeselect={false}
            w={130}
            {...form.getInputProps(`phones.${index}.kind`)}
          />
          <TextInput
            aria-label={t('customers.fields.phone')}
            placeholder="0171 1234567"
            inputMode="tel"
            style={{ flex: 1 }}
            {...withBlur(form.getInputProps(`phones.${index}.number`), onIdentityBlur)}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            mt={2}
            aria-label={t('customers.form.removePhone')}
            onClick={() => form.removeListItem('phones', index)}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Button
        variant="subtle"
        size="compact-sm"
        leftSection={<IconPlus size={14} />}
        onClick={() => form.insertListItem('phones', emptyPhone())}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('customers.form.addPhone')}
      </Button>
    </Stack>
  );
}

export function EmailRows({ form, onIdentityBlur }: RowsProps) {
  const { t } = useTranslation();
  const rows = form.getValues().emails;
  return (
    <Stack gap="xs">
      <SectionTitle>{t('customers.fields.emails')}</SectionTitle>
      {rows.map((_, index) => (
        <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
          <Select
            aria-label={t('customers.fields.emailKind')}
            data={EMAIL_KINDS.map((kind) => ({ value: kind, label: t(`customers.emailKind.${kind}`) }))}
            allowDeselect={false}
            w={130}
            {...form.getInputProps(`emails.${index}.kind`)}
          />
          <TextInput
            aria-label={t('customers.fields.email')}
            placeholder="name@beispiel.de"
            type="email"
            style={{ flex: 1 }}
            {...withBlur(form.getInputProps(`emails.${index}.address`), onIdentityBlur)}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            mt={2}
            aria-label={t('customers.form.removeEmail')}
            onClick={() => form.removeListItem('emails', index)}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Button
        variant="subtle"
        size="compact-sm"
        leftSection={<IconPlus size={14} />}
        onClick={() => form.insertListItem('emails', emptyEmail())}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('customers.form.addEmail')}
      </Button>
    </Stack>
  );
}

export function AddressRows({ form, onIdentityBlur }: RowsProps) {
  const { t } = useTranslation();
  const rows = form.getValues().addresses;
  return (
    <Stack gap="xs">
      <SectionTitle>{t('customers.fields.addresses')}</SectionTitle>
      {rows.map((_, index) => (
        <Group key={index} gap="xs" align="flex-start" wrap="wrap">
          <Select
            aria-label={t('customers.fields.addressKind')}
            data={ADDRESS_KINDS.map((kind) => ({ value: kind, label: t(`customers.addressKind.${kind}`) }))}
            allowDeselect={false}
            w={130}
            {...form.getInputProps(`addresses.${index}.kind`)}
          />
          <TextInput
            aria-label={t('customers.fields.street')}
            placeholder={t('customers.fields.street')}
            style={{ flex: '2 1 200px' }}
            {...withBlur(form.getInputProps(`addresses.${index}.street`), onIdentityBlur)}
          />
          <TextInput
            aria-label={t('customers.fields.postalCode')}
            placeholder={t('customers.fields.postalCode')}
            w={90}
            inputMode="numeric"
            {...withBlur(form.getInputProps(`addresses.${index}.postalCode`), onIdentityBlur)}
          />
          <TextInput
            aria-label={t('customers.fields.city')}
            placeholder={t('customers.fields.city')}
            style={{ flex: '1 1 140px' }}
            {...form.getInputProps(`addresses.${index}.city`)}
          />
          <TextInput
            aria-label={t('customers.fields.country')}
            w={60}
            maxLength={2}
            {...form.getInputProps(`addresses.${index}.country`)}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            mt={2}
            aria-label={t('customers.form.removeAddress')}
            onClick={() => form.removeListItem('addresses', index)}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Button
        variant="subtle"
        size="compact-sm"
        leftSection={<IconPlus size={14} />}
        onClick={() => form.insertListItem('addresses', emptyAddress())}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('customers.form.addAddress')}
      </Button>
    </Stack>
  );
}

export { withBlur };
