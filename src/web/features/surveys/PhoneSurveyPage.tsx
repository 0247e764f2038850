import { Alert, Button, Group, Paper, Select, Skeleton, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMail, IconPhone } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { Answers, SurveyLanguage } from '@shared/surveys/schemas';
import { SURVEY_LANGUAGES } from '@shared/surveys/schemas';
import { useContact, useContactVehicles } from '@web/features/customers/queries';
import { ApiError } from '@web/ui/api';
import { ErrorState } from '@web/ui/components/ErrorState';
import { PageHeader } from '@web/ui/components/PageHeader';
import { reportError } from '@web/ui/form-errors';
import { formatDateTime } from '@web/ui/format';
import { useAnswerByPhone, useQuestionnaire, useSendSurvey } from './queries';
import { missingAnswers, SurveyQuestions } from './SurveyQuestions';

/**
 * /surveys/new?contactId=&vehicleId=&activityId= — staff ask the questionnaire on the phone and
 * enter the answers, or send the customer the link by e-mail. A satisfaction call links here.
 */
export function PhoneSurveyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const contactId = search.get('contactId') ?? '';
  const activityId = search.get('activityId');
  const contact = useContact(contactId, contactId !== '');
  const vehicles = useContactVehicles(contactId);
  const questionnaire = useQuestionnaire();
  const [vehicleId, setVehicleId] = useState<string | null>(search.get('vehicleId'));
  const [answers, setAnswers] = useState<Answers>({});
  const [missing, setMissing] = useState<Set<string>>(new Set());
  const [language, setLanguage] = useState<SurveyLanguage>('de');
  const answer = useAnswerByPhone();
  const send = useSendSurvey();
  const backToCustomer = () => navigate(`/customers/${contactId}`);

  if (contact.isError || questionnaire.isError)
    return <ErrorState error={contact.error ?? questionnaire.error} onRetry={() => void questionnaire.refetch()} />;
  if (!contact.data || !questionnaire.data) return <Skeleton height={400} aria-busy="true" />;
  const q = questionnaire.data;

  async function save() {
    const gaps = missingAnswers(q.questions, answers);
    setMissing(gaps);
    if (gaps.size > 0) return;
    try {
      const saved = await answer.mutateAsync({ questionnaireId: q.id, contactId, vehicleId, activityId, answers });
      notifications.show({ color: 'green', message: t(saved.lowScore ? 'surveys.savedLow' : 'surveys.saved') });
      backToCustomer();
    } catch (error) {
      reportError(error);
    }
  }

  async function sendByEmail() {
    try {
      const sent = await send.mutateAsync({ contactId, vehicleId, activityId, language });
      notifications.show({
        color: 'green',
        message: t('surveys.sent', { to: sent.to, until: formatDateTime(sent.expiresAt) }),
      });
      backToCustomer();
    } catch (error) {
      if (error instanceof ApiError && error.errors.some((e) => e.code === 'consent_missing')) {
        notifications.show({ color: 'orange', message: t('surveys.noConsent') });
      } else reportError(error);
    }
  }

  return (
    <>
      <PageHeader title={t('surveys.phoneTitle')} description={t('surveys.phoneSubtitle')} />
      <Paper withBorder radius="md" p="lg" maw={760}>
        <Stack gap="md">
          <Group gap="xl" align="flex-end">
            <div>
              <Text size="xs" c="dimmed">
                {t('surveys.customer')}
              </Text>
              <Text fw={600} component={Link} to={`/customers/${contactId}`}>
                {contact.data.displayName} · {contact.data.customerNumber}
              </Text>
            </div>
            <Select
              label={t('surveys.vehicle')}
              placeholder={t('surveys.noVehicle')}
              data={(vehicles.data ?? []).map((v) => ({
                value: v.id,
                label: [v.plate, `${v.make} ${v.model}`].filter(Boolean).join(' · '),
              }))}
              value={vehicleId}
              onChange={setVehicleId}
              clearable
              w={280}
            />
          </Group>
          {activityId && (
            <Alert color="blue" variant="light">
              {t('surveys.fromActivity')}
            </Alert>
          )}
          <SurveyQuestions
            questions={q.questions}
            language="de"
            answers={answers}
            missing={missing}
            onChange={(key, value) => setAnswers((a) => ({ ...a, [key]: value }))}
          />
          <Group justify="space-between" mt="md">
            <Group gap="xs" align="flex-end">
              <Select
                label={t('surveys.emailLanguage')}
                data={SURVEY_LANGUAGES.map((l) => ({ value: l, label: t(`surveys.language.${l}`) }))}
                value={language}
                onChange={(v) => v && setLanguage(v as SurveyLanguage)}
                allowDeselect={false}
                w={140}
              />
              <Button
                variant="default"
                leftSection={<IconMail size={16} />}
                onClick={() => void sendByEmail()}
                loading={send.isPending}
              >
                {t('surveys.sendByEmail')}
              </Button>
            </Group>
            <Button leftSection={<IconPhone size={16} />} onClick={() => void save()} loading={answer.isPending}>
              {t('surveys.save')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </>
  );
}
