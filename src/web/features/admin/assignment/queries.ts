import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '@web/ui/api';
import type { AbsenceData, AssignmentDecisionData, AssignmentRuleData } from '@web/features/requests/types';

export const RULES_KEY = ['assignment', 'rules'] as const;
export const ABSENCES_KEY = ['absences'] as const;

export function useRules() {
  return useQuery({
    queryKey: RULES_KEY,
    queryFn: ({ signal }) => api.get<AssignmentRuleData[]>('/assignment/rules', signal),
    select: (rules) => [...rules].sort((a, b) => a.position - b.position),
  });
}

export function useSaveRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: unknown }) =>
      id
        ? api.patch<AssignmentRuleData>(`/assignment/rules/${id}`, body)
        : api.post<AssignmentRuleData>('/assignment/rules', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: RULES_KEY }),
  });
}

export function useDeleteRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/assignment/rules/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: RULES_KEY }),
  });
}

/** Moves rules at once on screen; the server's answer (or a reload after an error) settles it. */
export function useReorderRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => apiRequest<unknown>('/assignment/rules/order', { method: 'PUT', body: { ids } }),
    onMutate: async (ids) => {
      await queryClient.cancelQueries({ queryKey: RULES_KEY });
      queryClient.setQueryData<AssignmentRuleData[]>(RULES_KEY, (rules) =>
        rules?.map((rule) => ({ ...rule, position: ids.indexOf(rule.id) })),
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: RULES_KEY }),
  });
}

export function useProbe() {
  return useMutation({
    mutationFn: (body: unknown) => api.post<AssignmentDecisionData>('/assignment/probe', body),
  });
}

export function useAbsences() {
  return useQuery({
    queryKey: ABSENCES_KEY,
    queryFn: ({ signal }) => api.get<AbsenceData[]>('/absences', signal),
  });
}

export function useSaveAbsence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: unknown }) =>
      id ? api.patch<AbsenceData>(`/absences/${id}`, body) : api.post<AbsenceData>('/absences', body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ABSENCES_KEY });
      void queryClient.invalidateQueries({ queryKey: ['presence'] });
    },
  });
}

export function useDeleteAbsence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/absences/${id}`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ABSENCES_KEY });
      void queryClient.invalidateQueries({ queryKey: ['presence'] });
    },
  });
}
