import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Board,
  CustomerOpportunities,
  OpportunityDetail,
  OpportunityInput,
  OpportunityList,
  OpportunityLoss,
  OpportunityListQuery,
} from '@shared/sales/opportunity-schemas';
import type { OpportunityStage } from '@shared/sales/enums';
import { api } from '@web/ui/api';

export type { Board, CustomerOpportunities, OpportunityDetail, OpportunityList };

function toSearchParams(values: Record<string, string | number | undefined | null>) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value != null && value !== '') params.set(key, String(value));
  return params.toString();
}

/** Everything opportunities: a change anywhere refreshes the board, lists and the customer's panel. */
export const OPPORTUNITIES_KEY = ['opportunities'] as const;

export function useBoard(locationId: string | null, ownerId?: string) {
  return useQuery({
    queryKey: [...OPPORTUNITIES_KEY, 'board', locationId, ownerId],
    queryFn: ({ signal }) =>
      api.get<Board>(`/opportunities/board?${toSearchParams({ locationId: locationId!, ownerId })}`, signal),
    enabled: Boolean(locationId),
    placeholderData: keepPreviousData,
  });
}

export function useOpportunityList(
  filter: Omit<OpportunityListQuery, 'limit' | 'offset'> & { limit?: number; offset?: number },
) {
  return useQuery({
    queryKey: [...OPPORTUNITIES_KEY, 'list', filter],
    queryFn: ({ signal }) => api.get<OpportunityList>(`/opportunities?${toSearchParams({ ...filter })}`, signal),
    placeholderData: keepPreviousData,
  });
}

export function useOpportunity(id: string) {
  return useQuery({
    queryKey: [...OPPORTUNITIES_KEY, 'detail', id],
    queryFn: ({ signal }) => api.get<OpportunityDetail>(`/opportunities/${id}`, signal),
  });
}

/** A customer's open opportunities with the current offer (customer record, walk-in panel). */
export function useCustomerOpportunities(contactId: string | null | undefined) {
  return useQuery({
    queryKey: [...OPPORTUNITIES_KEY, 'customer', contactId],
    queryFn: ({ signal }) => api.get<CustomerOpportunities>(`/contacts/${contactId}/opportunities`, signal),
    enabled: Boolean(contactId),
  });
}

function useRefresh() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: OPPORTUNITIES_KEY });
}

export function useCreateOpportunity() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: OpportunityInput) => api.post<OpportunityDetail>('/opportunities', body),
    onSettled: refresh,
  });
}

export function useMoveStage() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, stage, version }: { id: string; stage: OpportunityStage; version: number }) =>
      api.post<OpportunityDetail>(`/opportunities/${id}/stage`, { stage, version }),
    onSettled: refresh,
  });
}

export function useLoseOpportunity(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: OpportunityLoss) => api.post<OpportunityDetail>(`/opportunities/${id}/lost`, body),
    onSettled: refresh,
  });
}

export function useReopenOpportunity(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { version: number }) => api.post<OpportunityDetail>(`/opportunities/${id}/reopen`, body),
    onSettled: refresh,
  });
}

/** Euro from cents, German-formatted in German (1.234,56 €). */
export function formatCents(cents: number | null | undefined, language: string) {
  if (cents == null) return '—';
  const euros = Math.trunc(cents / 100);
  const rest = Math.abs(cents % 100);
  const whole = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'de-DE').format(euros);
  return language === 'en'
    ? `€${whole}.${String(rest).padStart(2, '0')}`
    : `${whole},${String(rest).padStart(2, '0')} €`;
}
