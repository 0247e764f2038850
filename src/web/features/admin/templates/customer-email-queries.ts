import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CustomerEmailTemplate } from '@shared/correspondence/schemas';
import { api, apiRequest } from '@web/ui/api';

export type CustomerEmailTemplateData = z.infer<typeof CustomerEmailTemplate>;
export const CUSTOMER_EMAIL_TEMPLATES_KEY = ['customer-email-templates'] as const;

export function useCustomerEmailTemplates() {
  return useQuery({
    queryKey: CUSTOMER_EMAIL_TEMPLATES_KEY,
    queryFn: ({ signal }) => api.get<CustomerEmailTemplateData[]>('/customer-email-templates', signal),
  });
}

export function useSaveCustomerEmailTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ key, locale, body }: { key: string; locale: string; body: { subject: string; body: string } }) =>
      apiRequest<CustomerEmailTemplateData>(`/customer-email-templates/${key}/${locale}`, { method: 'PUT', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: CUSTOMER_EMAIL_TEMPLATES_KEY }),
  });
}

/** Back to the built-in text. */
export function useResetCustomerEmailTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ key, locale }: { key: string; locale: string }) =>
      api.delete<CustomerEmailTemplateData>(`/customer-email-templates/${key}/${locale}`),
    onSuccess: () => client.invalidateQueries({ queryKey: CUSTOMER_EMAIL_TEMPLATES_KEY }),
  });
}
