import { Button, Group, MultiSelect, PasswordInput, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEPARTMENT_KINDS, LOCALES, ROLES, type Locale, type Role } from '@shared/org/enums';
import { UserCreate, UserInput, type User } from '@shared/org/schemas';
import { useCurrentUser } from '@web/app/auth';
import { reportError, zodValidate } from '@web/ui/form-errors';
import { useLocations } from '@web/app/org-queries';
import { useSaveUser } from '../queries';

interface Values {
  firstName: string;
  lastName: string;
  email: string;
  role: Role;
  homeLocationId: string;
  locationIds: string[];
  department: string | null;
  phoneExtension: string;
  locale: Locale;
  active: boolean;
  password: string;
}

/** Form values to the API's shape: empty optional fields become null or disappear. */
function toBody(values: Values, creating: boolean) {
  const { password, ...rest } = values;
  return {
    ...rest,
    locationIds: values.locationIds.filter((id) => id !== values.homeLocationId),
    department: values.department || null,
    phoneExtension: values.phoneExtension.trim() || null,
    ...(creating && password ? { password } : {}),
  };
}

interface UserFormProps {
  user: User | null;
  onClose(): void;
  onCreated(user: User, initialPassword: string | undefined): void;
}

export function UserForm({ user, onClose, onCreated }: UserFormProps) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const locations = useLocations();
  const saveUser = useSaveUser();
  const creating = user === null;

  const form = useForm<Values>({
    mode: 'uncontrolled',
    initialValues: {
      firstName: user?.firstName ?? '',
      lastName: user?.lastName ?? '',
      email: user?.email ?? '',
      role: user?.role ?? 'sales',
      homeLocationId: user?.homeLocationId ?? me.homeLocationId,
      locationIds: user?.locationIds ?? [],
      department: user?.department ?? null,
      phoneExtension: user?.phoneExtension ?? '',
      locale: user?.locale ?? 'de',
      active: user?.active ?? true,
      password: '',
    },
    validate: zodValidate<Values>(creating ? UserCreate : UserInput, (values) => toBody(values, creating)),
  });

  const locationOptions = (locations.data ?? []).map((location) => ({ value: location.id, label: location.name }));
  // The home location is left out of "further locations"; uncontrolled forms need a watcher for that.
  const [homeLocationId, setHomeLocationId] = useState(form.getValues().homeLocationId);
  form.watch('homeLocationId', ({ value }) => setHomeLocationId(value));

  async function handleSubmit(submitted: Values) {
    try {
      const result = await saveUser.mutateAsync({ id: user?.id, body: toBody(submitted, creating) });
      const key = creating ? 'admin.users.created' : 'admin.users.saved';
      notifications.show({ color: 'teal', message: t(key, { name: result.user.displayName }) });
      onClose();
      if (creating) onCreated(result.user, result.initialPassword);
    } catch (error) {
      reportError(error, form);
    }
  }

  return (
    <form onSubmit={form.onSubmit((submitted) => void handleSubmit(submitted))} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('admin.users.firstName')}
            withAsterisk
            data-autofocus
            key={form.key('firstName')}
            {...form.getInputProps('firstName')}
          />
          <TextInput
            label={t('admin.users.lastName')}
            withAsterisk
            key={form.key('lastName')}
            {...form.getInputProps('lastName')}
          />
          <TextInput
            label={t('admin.users.email')}
            type="email"
            withAsterisk
            autoComplete="off"
            key={form.key('email')}
            {...form.getInputProps('email')}
          />
          <TextInput
            label={t('admin.users.extension')}
            inputMode="tel"
            key={form.key('phoneExtension')}
            {...form.getInputProps('phoneExtension')}
          />
          <Select
            label={t('admin.users.role')}
            withAsterisk
            allowDeselect={false}
            data={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            key={form.key('role')}
            {...form.getInputProps('role')}
          />
          <Select
            label={t('admin.users.department')}
            placeholder={t('admin.users.noDepartment')}
            clearable
            data={DEPARTMENT_KINDS.map((kind) => ({ value: kind, label: t(`departments.${kind}`) }))}
            key={form.key('department')}
            {...form.getInputProps('department')}
          />
          <Select
            label={t('admin.users.homeLocation')}
            withAsterisk
            allowDeselect={false}
            searchable
            data={locationOptions}
            key={form.key('homeLocationId')}
            {...form.getInputProps('homeLocationId')}
          />
          <MultiSelect
            label={t('admin.users.furtherLocations')}
            searchable
            data={locationOptions.filter((option) => option.value !== homeLocationId)}
            key={form.key('locationIds')}
            {...form.getInputProps('locationIds')}
          />
          <Select
            label={t('admin.users.locale')}
            allowDeselect={false}
            data={LOCALES.map((locale) => ({ value: locale, label: t(`language.${locale}`) }))}
            key={form.key('locale')}
            {...form.getInputProps('locale')}
          />
          {creating && (
            <PasswordInput
              label={t('admin.users.password')}
              description={t('admin.users.passwordHint')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              autoComplete="new-password"
              key={form.key('password')}
              {...form.getInputProps('password')}
            />
          )}
        </SimpleGrid>
        <Switch
          label={t('admin.users.activeLabel')}
          description={t('admin.users.activeHint')}
          disabled={user?.id === me.id}
          key={form.key('active')}
          {...form.getInputProps('active', { type: 'checkbox' })}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saveUser.isPending}>
            {creating ? t('common.create') : t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
