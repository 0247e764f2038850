import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ContactPhasesView,
  LifecycleRuleInput,
  LifecycleRuleView,
  LifecycleRunResult,
} from '@shared/lifecycle/rules';
import { api } from '@web/ui/api';

export const RULES_KEY = ['lifecycle', 'rules'] as const;

export function useLifecycleRules() {
  return useQuery({
    queryKey: RULES_KEY,
    queryFn: ({ signal }) => api.get<LifecycleRuleView[]>('/lifecycle/rules', signal),
  });
}

/** Saves a new rule (no id) or changes one (with id and version). */
export function useSaveLifecycleRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, values }: { id?: string; version?: number; values: LifecycleRuleInput }) =>
      id
        ? api.put<LifecycleRuleView>(`/lifecycle/rules/${id}`, { ...values, version })
        : api.post<LifecycleRuleView>('/lifecycle/rules', values),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: RULES_KEY }),
  });
}

/** "Jetzt ausführen": runs every enabled rule now. */
export function useRunLifecycle() {
  return useMutation({ mutationFn: () => api.post<LifecycleRunResult>('/lifecycle/run') });
}

export function useContactPhases(contactId: string) {
  return useQuery({
    queryKey: ['lifecycle', 'contact', contactId],
    queryFn: ({ signal }) => api.get<ContactPhasesView>(`/contacts/${contactId}/lifecycle`, signal),
  });
}
