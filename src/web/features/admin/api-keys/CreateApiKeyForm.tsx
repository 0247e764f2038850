import { Button, Checkbox, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ApiKeyCreate } from '@shared/auth/schemas';
import { API_KEY_SCOPES, type ApiKeyScope } from '@shared/org/enums';
import { reportError, zodValidate } from '@web/ui/form-errors';
import { useCreateApiKey, type ApiKeyCreated } from '../queries';

interface Values {
  name: string;
  scopes: ApiKeyScope[];
}

interface CreateApiKeyFormProps {
  onClose(): void;
  /** The new key with its secret, which is shown once and never again. */
  onCreated(key: ApiKeyCreated): void;
}

/** A new API key: its name and what it may do; the page puts it in its modal. */
export function CreateApiKeyForm({ onClose, onCreated }: CreateApiKeyFormProps) {
  const { t } = useTranslation();
  const createKey = useCreateApiKey();
  const form = useForm<Values>({
    initialValues: { name: '', scopes: [] },
    validate: zodValidate<Values>(ApiKeyCreate),
  });

  async function handleSubmit(values: Values) {
    try {
      const created = await createKey.mutateAsync(values);
      onClose();
      onCreated(created);
    } catch (error) {
      reportError(error, form);
    }
  }

  return (
    <form onSubmit={form.onSubmit((values) => void handleSubmit(values))} noValidate>
      <Stack gap="lg">
        <TextInput
          label={t('admin.apiKeys.name')}
          placeholder={t('admin.apiKeys.namePlaceholder')}
          withAsterisk
          data-autofocus
          {...form.getInputProps('name')}
        />
        <Checkbox.Group
          label={t('admin.apiKeys.scopes')}
          description={t('admin.apiKeys.scopesHint')}
          withAsterisk
          {...form.getInputProps('scopes')}
        >
          <Stack gap="sm" mt="sm">
            {API_KEY_SCOPES.map((scope) => (
              <Checkbox key={scope} value={scope} label={t(`scopes.${scope}`)} description={t(`scopes.${scope}Hint`)} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={createKey.isPending}>
            {t('admin.apiKeys.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
