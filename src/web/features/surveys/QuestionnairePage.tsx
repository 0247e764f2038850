import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  Skeleton,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Question, Questionnaire } from '@shared/surveys/schemas';
import { ADD_ONS, QUESTION_KINDS, QUESTION_ROLES } from '@shared/surveys/schemas';
import { api } from '@web/ui/api';
import { ErrorState } from '@web/ui/components/ErrorState';
import { PageHeader } from '@web/ui/components/PageHeader';
import { reportError } from '@web/ui/form-errors';
import { useQuestionnaire } from './queries';

type Draft = Pick<Questionnaire, 'name' | 'lowScoreThreshold' | 'questions'>;

/** A new question's key: stable, unique within the version, never shown. */
const newKey = (questions: Question[]) => {
  let n = questions.length + 1;
  while (questions.some((q) => q.key === `question_${n}`)) n++;
  return `question_${n}`;
};

/** Administration → Zufriedenheitsbefragung: managers change the questions; saving writes the next version. */
export function QuestionnairePage() {
  const { t } = useTranslation();
  const current = useQuestionnaire();
  const client = useQueryClient();
  const [edited, setEdited] = useState<Draft | null>(null);
  const save = useMutation({
    mutationFn: (body: Draft) => api.put<Questionnaire>('/surveys/questionnaire', body),
    onSuccess: (saved) => {
      client.setQueryData(['surveys', 'questionnaire'], saved);
      setEdited(null);
      notifications.show({ color: 'green', message: t('surveys.admin.saved', { version: saved.version }) });
    },
    onError: (error) => reportError(error),
  });

  if (current.isError) return <ErrorState error={current.error} onRetry={() => void current.refetch()} />;
  if (!current.data) return <Skeleton height={400} aria-busy="true" />;
  // Untouched, the form shows the current version; the first edit starts a draft of it.
  const draft: Draft = edited ?? current.data;
  const setDraft = (next: Draft | null) => setEdited(next);
  const change = (i: number, patch: Partial<Question>) =>
    setDraft({ ...draft, questions: draft.questions.map((q, j) => (j === i ? { ...q, ...patch } : q)) });

  return (
    <>
      <PageHeader title={t('surveys.admin.title')} description={t('surveys.admin.subtitle')} />
      <Text size="sm" c="dimmed" mb="sm">
        {t('surveys.admin.version', { version: current.data.version, answers: current.data.answers })}
      </Text>
      <Stack gap="md" maw={960}>
        <Group align="flex-end">
          <TextInput
            label={t('surveys.admin.name')}
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
            maxLength={120}
            w={360}
          />
          <NumberInput
            label={t('surveys.admin.threshold')}
            description={t('surveys.admin.thresholdHint')}
            min={0}
            max={10}
            value={draft.lowScoreThreshold}
            onChange={(v) => setDraft({ ...draft, lowScoreThreshold: Number(v) || 0 })}
            w={360}
          />
        </Group>
        {draft.questions.map((q, i) => (
          <Paper key={q.key} withBorder p="md" radius="md" component="fieldset" aria-label={`${i + 1}. ${q.text.de}`}>
            <Stack gap="xs">
              <Group align="flex-end" wrap="nowrap">
                <TextInput
                  style={{ flex: 1 }}
                  label={`${i + 1}. ${t('surveys.admin.textDe')}`}
                  value={q.text.de}
                  maxLength={300}
                  onChange={(e) => change(i, { text: { ...q.text, de: e.currentTarget.value } })}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={t('surveys.admin.remove')}
                  onClick={() => setDraft({ ...draft, questions: draft.questions.filter((_, j) => j !== i) })}
                >
                  <IconTrash size={18} />
                </ActionIcon>
              </Group>
              <TextInput
                label={t('surveys.admin.textEn')}
                value={q.text.en}
                maxLength={300}
                onChange={(e) => change(i, { text: { ...q.text, en: e.currentTarget.value } })}
              />
              <Group>
                <Select
                  label={t('surveys.admin.kind')}
                  data={QUESTION_KINDS.map((k) => ({ value: k, label: t(`surveys.admin.kinds.${k}`) }))}
                  value={q.kind}
                  allowDeselect={false}
                  onChange={(v) => v && change(i, { kind: v as Question['kind'], role: null, addOn: null })}
                  w={160}
                />
                <Select
                  label={t('surveys.admin.role')}
                  disabled={q.kind !== 'scale'}
                  data={(['none', ...QUESTION_ROLES] as const).map((r) => ({
                    value: r,
                    label: t(`surveys.admin.roles.${r}`),
                  }))}
                  value={q.role ?? 'none'}
                  allowDeselect={false}
                  onChange={(v) => change(i, { role: v === 'none' || !v ? null : (v as Question['role']) })}
                  w={220}
                />
                <Select
                  label={t('surveys.admin.addOn')}
                  disabled={q.kind !== 'yes_no'}
                  data={(['none', ...ADD_ONS] as const).map((a) => ({
                    value: a,
                    label: t(`surveys.admin.addOns.${a}`),
                  }))}
                  value={q.addOn ?? 'none'}
                  allowDeselect={false}
                  onChange={(v) => change(i, { addOn: v === 'none' || !v ? null : (v as Question['addOn']) })}
                  w={220}
                />
                <Checkbox
                  mt="lg"
                  label={t('surveys.admin.required')}
                  checked={q.required}
                  onChange={(e) => change(i, { required: e.currentTarget.checked })}
                />
              </Group>
            </Stack>
          </Paper>
        ))}
        <Group justify="space-between">
          <Button
            variant="default"
            leftSection={<IconPlus size={16} />}
            onClick={() =>
              setDraft({
                ...draft,
                questions: [
                  ...draft.questions,
                  {
                    key: newKey(draft.questions),
                    kind: 'yes_no',
                    text: { de: '', en: '' },
                    role: null,
                    addOn: null,
                    required: false,
                  },
                ],
              })
            }
          >
            {t('surveys.admin.add')}
          </Button>
          <Button onClick={() => save.mutate(draft)} loading={save.isPending}>
            {t('surveys.admin.save')}
          </Button>
        </Group>
      </Stack>
    </>
  );
}
