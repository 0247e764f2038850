import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CustomerEmailDetail,
  CustomerEmailLocale,
  CustomerEmailOptions,
  CustomerEmailSummary,
  CustomerEmailTemplateKey,
  RenderedCustomerEmail,
  SendCustomerEmailInput,
} from '@shared/correspondence/schemas';
import { api } from '@web/ui/api';

export type EmailOptions = z.infer<typeof CustomerEmailOptions>;
export type EmailSummary = z.infer<typeof CustomerEmailSummary>;
export type EmailDetail = z.infer<typeof CustomerEmailDetail>;
export type Rendered = z.infer<typeof RenderedCustomerEmail>;
export type SendInput = z.input<typeof SendCustomerEmailInput>;

export const useEmailOptions = (contactId: string, enabled: boolean) =>
  useQuery({
    queryKey: ['contacts', contactId, 'email-options'],
    queryFn: ({ signal }) => api.get<EmailOptions>(`/contacts/${contactId}/email-options`, signal),
    enabled,
  });

export const useCustomerEmail = (id: string | null) =>
  useQuery({
    queryKey: ['customer-emails', id],
    queryFn: ({ signal }) => api.get<EmailDetail>(`/customer-emails/${id}`, signal),
    enabled: id !== null,
  });

export const renderTemplate = (
  contactId: string,
  input: {
    templateKey: CustomerEmailTemplateKey;
    locale: CustomerEmailLocale;
    requestId?: string | null;
    offerNumber?: string | null;
  },
) => api.post<Rendered>(`/contacts/${contactId}/emails/preview`, input);

export function useSendCustomerEmail(contactId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SendInput) => api.post<EmailSummary>(`/contacts/${contactId}/emails`, input),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['contacts', contactId] });
      void client.invalidateQueries({ queryKey: ['timeline'] });
    },
  });
}
