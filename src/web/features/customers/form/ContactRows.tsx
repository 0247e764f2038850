import { Select, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ADDRESS_KINDS, EMAIL_KINDS, PHONE_KINDS } from '@shared/contacts/enums';
import { MAX_ROWS } from '@shared/contacts/schemas';
import { RepeatableRows } from '@web/ui/admin/RepeatableRows';
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

export function PhoneRows({ form, onIdentityBlur }: RowsProps) {
  const { t } = useTranslation();
  return (
    <RepeatableRows
      label={t('customers.fields.phones')}
      rows={form.getValues().phones}
      onAdd={() => form.insertListItem('phones', emptyPhone())}
      onRemove={(index) => form.removeListItem('phones', index)}
      max={MAX_ROWS.phones}
      addLabel={t('customers.form.addPhone')}
      removeLabel={t('customers.form.removePhone')}
    >
      {(_, index) => (
        <>
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
        </>
      )}
    </RepeatableRows>
  );
}

export function EmailRows({ form, onIdentityBlur }: RowsProps) {
  const { t } = useTranslation();
  return (
    <RepeatableRows
      label={t('customers.fields.emails')}
      rows={form.getValues().emails}
      onAdd={() => form.insertListItem('emails', emptyEmail())}
      onRemove={(index) => form.removeListItem('emails', index)}
      max={MAX_ROWS.emails}
      addLabel={t('customers.form.addEmail')}
      removeLabel={t('customers.form.removeEmail')}
    >
      {(_, index) => (
        <>
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
        </>
      )}
    </RepeatableRows>
  );
}

export function AddressRows({ form, onIdentityBlur }: RowsProps) {
  const { t } = useTranslation();
  return (
    <RepeatableRows
      label={t('customers.fields.addresses')}
      rows={form.getValues().addresses}
      onAdd={() => form.insertListItem('addresses', emptyAddress())}
      onRemove={(index) => form.removeListItem('addresses', index)}
      max={MAX_ROWS.addresses}
      addLabel={t('customers.form.addAddress')}
      removeLabel={t('customers.form.removeAddress')}
      wrap
    >
      {(_, index) => (
        <>
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
        </>
      )}
    </RepeatableRows>
  );
}

export { withBlur };
