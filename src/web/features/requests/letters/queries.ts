import { useQuery } from '@tanstack/react-query';
import type { LetterText } from '@shared/requests/letters';
import { api } from '@web/ui/api';
import { requestKey } from '../queries';

/** How often the page looks again while the letter is being read. */
const WHILE_READING_MS = 2_000;

export function useLetterText(requestId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...requestKey(requestId), 'letter'],
    queryFn: ({ signal }) => api.get<LetterText | null>(`/requests/${requestId}/letter`, signal),
    enabled,
    refetchInterval: (query) => (query.state.data?.status === 'pending' ? WHILE_READING_MS : false),
  });
}
