import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  PhoneSurveyInput,
  Questionnaire,
  SatisfactionReport,
  SurveyInvitation,
  SurveyInvitationInput,
  SurveyResponse,
} from '@shared/surveys/schemas';
import { api } from '@web/ui/api';
import { contactKey, toSearchParams } from '../customers/queries';

export function useQuestionnaire() {
  return useQuery({
    queryKey: ['surveys', 'questionnaire'],
    queryFn: ({ signal }) => api.get<Questionnaire>('/surveys/questionnaire', signal),
  });
}

export function useAnswerByPhone() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof PhoneSurveyInput>) => api.post<SurveyResponse>('/surveys/responses', input),
    onSuccess: (_r, input) => {
      void client.invalidateQueries({ queryKey: contactKey(input.contactId) });
      void client.invalidateQueries({ queryKey: ['activities'] });
    },
  });
}

export function useSendSurvey() {
  return useMutation({
    mutationFn: (input: z.input<typeof SurveyInvitationInput>) =>
      api.post<SurveyInvitation>('/surveys/invitations', input),
  });
}

export interface SatisfactionParams {
  from: string;
  to: string;
  locationId?: string;
}

export function useSatisfactionReport(params: SatisfactionParams) {
  return useQuery({
    queryKey: ['reports', 'satisfaction', params],
    queryFn: ({ signal }) =>
      api.get<SatisfactionReport>(`/reports/satisfaction?${toSearchParams({ ...params })}`, signal),
  });
}
