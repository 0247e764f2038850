import { Alert, Box, Button, Container, Image, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconClockX, IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { Answers, PublicSurvey } from '@shared/surveys/schemas';
import { api, ApiError } from '@web/ui/api';
import { missingAnswers, SurveyQuestions } from './SurveyQuestions';

type Ending = 'thanks' | 'used' | 'expired' | 'notFound' | 'failed';

/** Why the link cannot be answered, from the server's status: 409 answered, 410 expired, 404/400 unknown. */
function endingOf(error: unknown): Ending {
  if (!(error instanceof ApiError)) return 'failed';
  if (error.status === 409) return 'used';
  if (error.status === 410) return 'expired';
  if (error.status === 404 || error.status === 400) return 'notFound';
  return 'failed';
}

function Closing({ ending }: { ending: Ending }) {
  const { t } = useTranslation();
  const key = ending === 'thanks' ? 'thanks' : ending;
  const Icon =
    ending === 'thanks' || ending === 'used' ? IconCircleCheck : ending === 'expired' ? IconClockX : IconInfoCircle;
  return (
    <Stack align="center" gap="sm" py="xl" role="status">
      <Icon size={48} color="var(--mantine-color-autohaus-6)" aria-hidden />
      <Title order={1} size="h2" ta="center">
        {t(`surveys.public.${key}Title`)}
      </Title>
      <Text ta="center">{t(`surveys.public.${key}Text`)}</Text>
    </Stack>
  );
}

/** /umfrage/:token — the customer's survey, without login, sized for a phone first. */
export function PublicSurveyPage() {
  const { token = '' } = useParams();
  const { t, i18n } = useTranslation();
  const survey = useQuery({
    queryKey: ['public-survey', token],
    queryFn: ({ signal }) => api.get<PublicSurvey>(`/public/surveys/${encodeURIComponent(token)}`, signal),
    retry: false,
    refetchOnWindowFocus: false,
  });
  const [answers, setAnswers] = useState<Answers>({});
  const [missing, setMissing] = useState<Set<string>>(new Set());
  const send = useMutation({
    mutationFn: () => api.post<{ thanks: true }>(`/public/surveys/${encodeURIComponent(token)}`, { answers }),
  });
  const language = survey.data?.language;
  useEffect(() => {
    if (language && i18n.language !== language) void i18n.changeLanguage(language);
  }, [language, i18n]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!survey.data) return;
    const gaps = missingAnswers(survey.data.questions, answers);
    setMissing(gaps);
    if (gaps.size > 0) return;
    send.mutate();
  };

  let body;
  if (survey.isPending) body = <Text role="status">{t('surveys.public.loading')}</Text>;
  else if (survey.isError) body = <Closing ending={endingOf(survey.error)} />;
  else if (send.isSuccess) body = <Closing ending="thanks" />;
  else if (send.isError && endingOf(send.error) !== 'failed') body = <Closing ending={endingOf(send.error)} />;
  else {
    const s = survey.data;
    body = (
      <form onSubmit={submit} noValidate aria-labelledby="survey-title">
        <Stack gap="lg">
          <div>
            <Title order={1} size="h2" id="survey-title">
              {t('surveys.public.title')}
            </Title>
            <Text mt="sm">
              {s.firstName
                ? t('surveys.public.greeting', { name: s.firstName })
                : t('surveys.public.greetingAnonymous')}
            </Text>
            <Text>
              {s.vehicle ? t('surveys.public.introVehicle', { vehicle: s.vehicle }) : t('surveys.public.intro')}
            </Text>
          </div>
          <SurveyQuestions
            questions={s.questions}
            language={s.language}
            answers={answers}
            missing={missing}
            onChange={(key, value) => setAnswers((a) => ({ ...a, [key]: value }))}
          />
          {send.isError && (
            <Alert color="red" role="alert">
              {send.error instanceof ApiError && send.error.status === 429
                ? t('surveys.public.tooMany')
                : t('surveys.public.failedText')}
            </Alert>
          )}
          <Button type="submit" size="md" fullWidth loading={send.isPending}>
            {t('surveys.public.send')}
          </Button>
        </Stack>
      </form>
    );
  }

  return (
    <Box bg="var(--mantine-color-gray-0)" mih="100dvh" py={{ base: 'sm', sm: 'xl' }}>
      <Container size={640} px="sm">
        <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }}>
          {survey.data && (
            <Stack gap={4} mb="lg" align="flex-start">
              {survey.data.location.logo && (
                <Image src={survey.data.location.logo} alt={survey.data.location.name} h={48} w="auto" fit="contain" />
              )}
              <Text fw={600} c="autohaus.8">
                {survey.data.location.name}
              </Text>
            </Stack>
          )}
          <main>{body}</main>
        </Paper>
      </Container>
    </Box>
  );
}
