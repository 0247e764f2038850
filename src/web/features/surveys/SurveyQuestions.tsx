import { Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Answers, Question, SurveyLanguage } from '@shared/surveys/schemas';
import { SURVEY_MAX } from '@shared/surveys/schemas';

const SCORES = Array.from({ length: 11 }, (_, i) => String(i));

interface Props {
  questions: Question[];
  language: SurveyLanguage;
  answers: Answers;
  onChange(key: string, value: Answers[string]): void;
  /** Keys of required questions left unanswered after a try to send. */
  missing?: ReadonlySet<string>;
}

/**
 * The questions as a form: a score 0–10 and yes/no as radio groups (one Tab stop each, arrows
 * choose), text as a labelled text area. Used by staff on the phone and by the customer's page.
 */
export function SurveyQuestions({ questions, language, answers, onChange, missing }: Props) {
  const { t } = useTranslation();
  const textOf = (q: Question) => (language === 'en' && q.text.en ? q.text.en : q.text.de);
  return (
    <Stack gap="lg">
      {questions.map((q, index) => {
        const label = `${index + 1}. ${textOf(q)}`;
        const error = missing?.has(q.key) ? t('surveys.answerRequired') : undefined;
        const value = answers[q.key];
        if (q.kind === 'text') {
          return (
            <Textarea
              key={q.key}
              label={label}
              rows={4}
              maxLength={SURVEY_MAX.answerText}
              value={typeof value === 'string' ? value : ''}
              onChange={(e) => onChange(q.key, e.currentTarget.value)}
              required={q.required}
              error={error}
            />
          );
        }
        if (q.kind === 'yes_no') {
          return (
            <Radio.Group
              key={q.key}
              label={label}
              withAsterisk={q.required}
              value={value === true ? 'yes' : value === false ? 'no' : null}
              onChange={(v) => onChange(q.key, v === 'yes')}
              error={error}
            >
              <Group mt="xs" gap="lg">
                <Radio value="yes" label={t('surveys.yes')} />
                <Radio value="no" label={t('surveys.no')} />
              </Group>
            </Radio.Group>
          );
        }
        return (
          <Radio.Group
            key={q.key}
            label={label}
            withAsterisk={q.required}
            value={typeof value === 'number' ? String(value) : null}
            onChange={(v) => onChange(q.key, Number(v))}
            error={error}
          >
            <Group mt="xs" gap={6} wrap="wrap">
              {SCORES.map((score) => (
                <Radio key={score} value={score} label={score} data-testid={`${q.key}-${score}`} />
              ))}
            </Group>
            <Group justify="space-between" mt={4}>
              <Text size="xs" c="dimmed">
                {t('surveys.scaleLow')}
              </Text>
              <Text size="xs" c="dimmed">
                {t('surveys.scaleHigh')}
              </Text>
            </Group>
          </Radio.Group>
        );
      })}
    </Stack>
  );
}

/** The required questions without an answer. */
export function missingAnswers(questions: Question[], answers: Answers): Set<string> {
  return new Set(
    questions
      .filter((q) => q.required)
      .filter((q) => {
        const v = answers[q.key];
        return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
      })
      .map((q) => q.key),
  );
}
