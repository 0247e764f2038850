import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '@web/ui/api';
import type { RenderedTemplateData, TemplateData } from '@web/features/requests/types';

export const TEMPLATES_KEY = ['templates'] as const;

export function useTemplates() {
  return useQuery({ queryKey: TEMPLATES_KEY, queryFn: ({ signal }) => api.get<TemplateData[]>('/templates', signal) });
}

export function useSaveTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      requestType,
      kind,
      body,
    }: {
      requestType: string;
      kind: string;
      body: { subject: string | null; body: string };
    }) => apiRequest<TemplateData>(`/templates/${requestType}/${kind}`, { method: 'PUT', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TEMPLATES_KEY }),
  });
}

/** Back to the built-in text. */
export function useResetTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ requestType, kind }: { requestType: string; kind: string }) =>
      api.delete<TemplateData>(`/templates/${requestType}/${kind}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TEMPLATES_KEY }),
  });
}

/** The preview follows the typing, asked for once it pauses. */
export function useTemplatePreview(draft: { requestType: string; kind: string; subject: string | null; body: string }) {
  const [debounced] = useDebouncedValue(draft, 300);
  return useQuery({
    queryKey: ['templates', 'preview', debounced],
    queryFn: () => api.post<RenderedTemplateData>('/templates/preview', debounced),
    enabled: debounced.body.trim().length > 0,
    placeholderData: keepPreviousData,
    retry: false,
  });
}
