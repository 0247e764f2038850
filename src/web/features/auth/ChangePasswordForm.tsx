import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangePasswordBody } from '@shared/auth/schemas';
import { useAuth } from '@web/app/auth';
import { reportError, zodValidate } from '@web/ui/form-errors';

interface Values {
  currentPassword: string;
  newPassword: string;
  repeatPassword: string;
}

interface ChangePasswordFormProps {
  onDone(): void;
  /** A secondary action next to submit: "Abbrechen" in the dialog, "Abmelden" when forced. */
  secondary?: { label: string; onClick(): void };
}

export function ChangePasswordForm({ onDone, secondary }: ChangePasswordFormProps) {
  const { t } = useTranslation();
  const { changePassword } = useAuth();
  const [submitting, setSubmitting] = useState(false);
  const schemaErrors = zodValidate<Values>(ChangePasswordBody);

  const form = useForm<Values>({
    mode: 'uncontrolled',
    initialValues: { currentPassword: '', newPassword: '', repeatPassword: '' },
    validate: (values) => ({
      ...schemaErrors(values),
      ...(values.repeatPassword !== values.newPassword ? { repeatPassword: t('auth.password.mismatch') } : {}),
    }),
  });

  async function handleSubmit(values: Values) {
    setSubmitting(true);
    try {
      await changePassword(values.currentPassword, values.newPassword);
      notifications.show({ color: 'teal', message: t('auth.password.changed') });
      form.reset();
      onDone();
    } catch (error) {
      reportError(error, form);
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <form onSubmit={form.onSubmit((values) => void handleSubmit(values))} noValidate>
      <Stack gap="md">
        <PasswordInput
          label={t('auth.password.current')}
          autoComplete="current-password"
          data-autofocus
          key={form.key('currentPassword')}
          {...form.getInputProps('currentPassword')}
        />
        <PasswordInput
          label={t('auth.password.new')}
          description={t('auth.password.hint')}
          autoComplete="new-password"
          key={form.key('newPassword')}
          {...form.getInputProps('newPassword')}
        />
        <PasswordInput
          label={t('auth.password.repeat')}
          autoComplete="new-password"
          key={form.key('repeatPassword')}
          {...form.getInputProps('repeatPassword')}
        />
        <Group justify="flex-end" mt="xs">
          {secondary && (
            <Button variant="default" onClick={secondary.onClick}>
              {secondary.label}
            </Button>
          )}
          <Button type="submit" loading={submitting}>
            {t('auth.password.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
