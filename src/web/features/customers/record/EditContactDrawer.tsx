import { Alert, Button, Drawer, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ContactUpdate } from '@shared/contacts/schemas';
import { ApiError } from '@web/ui/api';
import { reportError, serverFieldErrors, zodValidate } from '@web/ui/form-errors';
import { ContactFormFields } from '../form/ContactFormFields';
import { fromContact, prepareContact, type ContactFormValues } from '../form/values';
import { useUpdateContact } from '../queries';
import type { Contact } from '../types';

const validateBody = zodValidate<unknown>(ContactUpdate);

interface EditContactDrawerProps {
  contact: Contact;
  opened: boolean;
  onClose(): void;
  onReload(): Promise<unknown>;
}

export function EditContactDrawer({ contact, opened, onClose, onReload }: EditContactDrawerProps) {
  const { t } = useTranslation();
  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="xl" title={t('customers.form.editTitle')}>
      {/* Mounted fresh on every opening, so the form starts from the record as it is now. */}
      {opened && <EditContactForm contact={contact} onClose={onClose} onReload={onReload} />}
    </Drawer>
  );
}

function EditContactForm({ contact, onClose, onReload }: Omit<EditContactDrawerProps, 'opened'>) {
  const { t } = useTranslation();
  const update = useUpdateContact(contact.id);
  const [conflict, setConflict] = useState(false);
  const form = useForm<ContactFormValues>({
    initialValues: fromContact(contact),
    validate: (values) => {
      const { body, remap } = prepareContact(values);
      const errors = remap(validateBody(body));
      // ContactUpdate is partial; the name is still required.
      if (values.kind === 'company' && !values.companyName.trim()) errors.companyName = t('validation.required');
      if (values.kind === 'person' && !values.lastName.trim()) errors.lastName = t('validation.required');
      return errors;
    },
  });

  async function submit(values: ContactFormValues) {
    const { body, remap } = prepareContact(values);
    try {
      const saved = await update.mutateAsync({ ...body, version: contact.version });
      notifications.show({ color: 'teal', message: t('customers.form.saved', { name: saved.displayName }) });
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        setConflict(true);
        return;
      }
      const fields = remap(serverFieldErrors(error));
      if (Object.keys(fields).length > 0) form.setErrors(fields);
      else reportError(error);
    }
  }

  async function reload() {
    await onReload();
    onClose();
  }

  return (
    <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
      <Stack gap="md">
        {conflict && (
          <Alert color="orange" title={t('customers.form.versionConflict')} role="alert">
            <Button
              size="xs"
              mt="xs"
              variant="white"
              color="orange"
              leftSection={<IconRefresh size={14} />}
              onClick={() => void reload()}
            >
              {t('customers.form.reload')}
            </Button>
          </Alert>
        )}
        <ContactFormFields form={form} autoFocus />
        <Group justify="flex-end" pos="sticky" bottom={0} py="sm" bg="var(--mantine-color-body)">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending} disabled={conflict}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
