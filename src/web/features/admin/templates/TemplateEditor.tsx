import {
  Badge,
  Button,
  Chip,
  Grid,
  Group,
  Paper,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  Input,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { TEMPLATE_PLACEHOLDERS } from '@shared/requests/templates';
import { reportError } from '@web/ui/form-errors';
import type { TemplateData } from '@web/features/requests/types';
import { usePlaceholderFields } from './placeholder-fields';
import { useResetTemplate, useSaveTemplate, useTemplatePreview } from './queries';

/** One template: text with placeholder chips on the left, the filled-in preview on the right. */
export function TemplateEditor({ template }: { template: TemplateData }) {
  const { t } = useTranslation();
  const save = useSaveTemplate();
  const reset = useResetTemplate();
  const withSubject = template.kind === 'email';
  const { subject, setSubject, body, setBody, setLastField, subjectRef, bodyRef, insert } = usePlaceholderFields(
    { subject: template.subject ?? '', body: template.body },
    withSubject,
  );
  const preview = useTemplatePreview({
    requestType: template.requestType,
    kind: template.kind,
    subject: withSubject ? subject : null,
    body,
  });
  const dirty = body !== template.body || (withSubject && subject !== (template.subject ?? ''));

  async function submit() {
    try {
      await save.mutateAsync({
        requestType: template.requestType,
        kind: template.kind,
        body: { subject: withSubject ? subject.trim() || null : null, body },
      });
      notifications.show({ color: 'teal', message: t('templates.saved') });
    } catch (error) {
      reportError(error);
    }
  }

  async function restore() {
    try {
      const restored = await reset.mutateAsync({ requestType: template.requestType, kind: template.kind });
      setSubject(restored.subject ?? '');
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
              {TEMPLATE_PLACEHOLDERS.map((placeholder) => (
                <Chip key={placeholder} checked={false} size="xs" variant="outline" onClick={() => insert(placeholder)}>
                  {t(`templates.placeholder.${placeholder.replace('.', '_') as 'vehicle'}`)}
                </Chip>
              ))}
            </Group>
          </Stack>
          {withSubject && (
            <TextInput
              ref={subjectRef}
              label={t('templates.subject')}
              value={subject}
              onChange={(event) => setSubject(event.currentTarget.value)}
              onFocus={() => setLastField('subject')}
            />
          )}
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
            <Button disabled={!dirty || !body.trim()} loading={save.isPending} onClick={() => void submit()}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Paper withBorder radius="md" p="md" bg="gray.0" h="100%">
          <Title order={5} mb="xs">
            {t('templates.preview')}
          </Title>
          {preview.isPending && body.trim() ? (
            <Skeleton height={160} />
          ) : preview.isError ? (
            <Text size="sm" c="red">
              {t('templates.previewFailed')}
            </Text>
          ) : preview.data ? (
            <Stack gap="xs" style={{ opacity: preview.isPlaceholderData ? 0.6 : 1 }}>
              {preview.data.subject && (
                <Text size="sm" fw={700}>
                  {preview.data.subject}
                </Text>
              )}
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {preview.data.body}
              </Text>
              {preview.data.missing.length > 0 && (
                <Text size="xs" c="orange.8">
                  {t('requests.templates.missing', { fields: preview.data.missing.join(', ') })}
                </Text>
              )}
            </Stack>
          ) : null}
        </Paper>
      </Grid.Col>
    </Grid>
  );
}
