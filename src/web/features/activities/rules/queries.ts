import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FollowUpRule } from '@shared/activities/schemas';
import { api } from '@web/ui/api';

export const FOLLOW_UP_RULES_KEY = ['activities', 'follow-up-rules'] as const;

export function useFollowUpRules() {
  return useQuery({
    queryKey: FOLLOW_UP_RULES_KEY,
    queryFn: ({ signal }) => api.get<{ rules: FollowUpRule[] }>('/activities/follow-up-rules', signal),
    select: (data) => data.rules,
  });
}

/** Replaces all rules; an empty list brings back the shipped ones. */
export function useSaveFollowUpRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rules: FollowUpRule[]) => api.put<{ rules: FollowUpRule[] }>('/activities/follow-up-rules', { rules }),
    onSuccess: (data) => queryClient.setQueryData(FOLLOW_UP_RULES_KEY, data),
  });
}
