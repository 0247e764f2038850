import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ContactPhasesView,
  LifecycleRuleInput,
  LifecycleRuleView,
  LifecycleRunResult,
  PrintBatchView,
  WaitingLettersView,
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

const SETTINGS_KEY = ['lifecycle', 'settings'] as const;

/** The daily cap of lifecycle actions per person (group-wide). */
export function useLifecycleSettings() {
  return useQuery({
    queryKey: SETTINGS_KEY,
    queryFn: ({ signal }) => api.get<{ dailyCapPerPerson: number }>('/lifecycle/settings', signal),
  });
}

export function useSaveDailyCap() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (dailyCapPerPerson: number) =>
      api.put<{ dailyCapPerPerson: number }>('/lifecycle/settings', { dailyCapPerPerson }),
    onSuccess: (data) => queryClient.setQueryData(SETTINGS_KEY, data),
  });
}

const lettersKey = (locationId: string) => ['lifecycle', 'letters', locationId] as const;

/** "Briefe drucken": the letters waiting at a location and its earlier batches. */
export function useWaitingLetters(locationId: string | null) {
  return useQuery({
    queryKey: lettersKey(locationId ?? ''),
    queryFn: ({ signal }) => api.get<WaitingLettersView>(`/lifecycle/letters/${locationId}`, signal),
    enabled: !!locationId,
  });
}

/** "PDF erstellen": every waiting letter of the location into a new batch. */
export function useCreatePrintBatch(locationId: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<PrintBatchView>(`/lifecycle/letters/${locationId}/batches`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: lettersKey(locationId ?? '') }),
  });
}

export const printBatchPdfUrl = (batchId: string) => `/api/lifecycle/print-batches/${batchId}/letters.pdf`;
