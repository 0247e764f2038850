import {
  Badge,
  Button,
  Chip,
  Grid,
  Group,
  Input,
  Paper,
  SegmentedControl,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CUSTOMER_EMAIL_LOCALES, CUSTOMER_EMAIL_PLACEHOLDERS } from '@shared/correspondence/schemas';
import { ErrorState } from '@web/ui/components/ErrorState';
import { reportError } from '@web/ui/form-errors';
import { usePlaceholderFields } from './placeholder-fields';
import {
  type CustomerEmailTemplateData,
  useCustomerEmailTemplates,
  useResetCustomerEmailTemplate,
  useSaveCustomerEmailTemplate,
} from './customer-email-queries';

const labelKey = (placeholder: string) =>
  `customerEmailTemplates.placeholder.${placeholder.replace('.', '_') as 'vehicle'}` as const;

/** One customer e-mail text: subject and body with placeholder chips, and what each placeholder becomes. */
function CustomerEmailEditor({ template }: { template: CustomerEmailTemplateData }) {
  const { t } = useTranslation();
  const save = useSaveCustomerEmailTemplate();
  const reset = useResetCustomerEmailTemplate();
  const { subject, setSubject, body, setBody, setLastField, subjectRef, bodyRef, insert } =
    usePlaceholderFields(template);
  const dirty = subject !== template.subject || body !== template.body;

  async function submit() {
    try {
      await save.mutateAsync({ key: template.key, locale: template.locale, body: { subject, body } });
      notifications.show({ color: 'teal', message: t('templates.saved') });
    } catch (error) {
      reportError(error);
    }
  }

  async function restore() {
    try {
      const restored = await reset.mutateAsync({ key: template.key, locale: template.locale });
      setSubject(restored.subject);
      setBody(restored.body);
      notifications.show({ color: 'teal', message: t('templates.restored') });
    } catch (error) {
      reportError(error);
    }
  }

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="sm">
          <Group gap={6}>
            <Badge variant="light" color={template.isDefault ? 'gray' : 'blue'} tt="none">
              {template.isDefault ? t('templates.isDefault') : t('templates.isCustom')}
            </Badge>
          </Group>
          <Stack gap={4}>
            <Input.Label>{t('templates.placeholders')}</Input.Label>
            <Group gap={6}>
              {CUSTOMER_EMAIL_PLACEHOLDERS.map((placeholder) => (
                <Chip key={placeholder} checked={false} size="xs" variant="outline" onClick={() => insert(placeholder)}>
                  {t(labelKey(placeholder))}
                </Chip>
              ))}
            </Group>
          </Stack>
          <TextInput
            ref={subjectRef}
            label={t('templates.subject')}
            value={subject}
            onChange={(event) => setSubject(event.currentTarget.value)}
            onFocus={() => setLastField('subject')}
          />
          <Textarea
            ref={bodyRef}
            label={t('templates.body')}
            value={body}
            onChange={(event) => setBody(event.currentTarget.value)}
            onFocus={() => setLastField('body')}
            autosize
            minRows={10}
            maxRows={24}
            ff="monospace"
          />
          <Group justify="space-between">
            <Button
              variant="subtle"
              color="gray"
              disabled={template.isDefault}
              loading={reset.isPending}
              onClick={() => void restore()}
            >
              {t('templates.restore')}
            </Button>
            <Button
              disabled={!dirty || !body.trim() || !subject.trim()}
              loading={save.isPending}
              onClick={() => void submit()}
            >
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Paper withBorder radius="md" p="md" bg="gray.0" h="100%">
          <Title order={5} mb="xs">
            {t('customerEmailTemplates.help')}
          </Title>
          <Text size="xs" c="dimmed" mb="xs">
            {t('customerEmailTemplates.helpText')}
          </Text>
          <Table fz="xs" verticalSpacing={2}>
            <Table.Tbody>
              {CUSTOMER_EMAIL_PLACEHOLDERS.map((placeholder) => (
                <Table.Tr key={placeholder}>
                  <Table.Td ff="monospace">{`{{${placeholder}}}`}</Table.Td>
                  <Table.Td>{t(labelKey(placeholder))}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      </Grid.Col>
    </Grid>
  );
}

/** The e-mails staff send to customers (offer, test drive, order, reply), in German and English. */
export function CustomerEmailTemplates() {
  const { t } = useTranslation();
  const templates = useCustomerEmailTemplates();
  const keys = [...new Set((templates.data ?? []).map((tpl) => tpl.key))];
  const [chosenKey, setKey] = useState<string | null>(null);
  const [locale, setLocale] = useState<string>('de');
  const key = chosenKey ?? keys[0] ?? null;
  const template = templates.data?.find((tpl) => tpl.key === key && tpl.locale === locale);

  return (
    <>
      <Title order={3} mt="xl" mb={4}>
        {t('customerEmailTemplates.title')}
      </Title>
      <Text c="dimmed" size="sm" mb="md">
        {t('customerEmailTemplates.subtitle')}
      </Text>
      <Group mb="md" align="flex-end">
        <Select
          label={t('customerEmailTemplates.which')}
          data={keys.map((value) => ({ value, label: t(`correspondence.templates.${value}`) }))}
          value={key}
          onChange={setKey}
          allowDeselect={false}
          w={280}
        />
        <SegmentedControl
          aria-label={t('customerEmailTemplates.language')}
          value={locale}
          onChange={setLocale}
          data={CUSTOMER_EMAIL_LOCALES.map((value) => ({ value, label: t(`customerEmailTemplates.locale.${value}`) }))}
        />
      </Group>
      <Paper withBorder radius="md" p="md">
        {templates.isPending ? (
          <Skeleton height={280} />
        ) : templates.isError ? (
          <ErrorState error={templates.error} onRetry={() => void templates.refetch()} />
        ) : template ? (
          // Keyed by text, language and version, so switching or saving starts from the stored text.
          <CustomerEmailEditor key={`${template.key}-${template.locale}-${template.updatedAt}`} template={template} />
        ) : (
          <ErrorState error={null} />
        )}
      </Paper>
    </>
  );
}
