import { useQuery } from '@tanstack/react-query';
import type { InboundMail } from '@shared/mailboxes/schemas';
import { api } from '@web/ui/api';

/** The mails a request came with (none for requests from other channels). */
export function useInboundMails(requestId: string) {
  return useQuery({
    queryKey: ['requests', requestId, 'inbound-mails'],
    queryFn: ({ signal }) => api.get<InboundMail[]>(`/requests/${requestId}/inbound-mails`, signal),
  });
}
