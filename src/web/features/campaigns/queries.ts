import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Campaign,
  CampaignChannel,
  CampaignInput,
  CampaignReport,
  CampaignResponse,
  SelectionCount,
  SelectionFilterInput,
} from '@shared/campaigns/schemas';
import { api } from '@web/ui/api';

export interface PreviewRow {
  contactId: string;
  displayName: string;
  customerNumber: string;
  reachable: boolean;
  excludedBecause: 'blocked' | 'no_consent' | 'no_address' | null;
}

export interface RecipientRow {
  id: string;
  contactId: string;
  displayName: string;
  email: string | null;
  city: string | null;
  processedAt: string | null;
  responses: CampaignResponse[];
}

const KEY = ['campaigns'] as const;

export function useCampaigns() {
  return useQuery({ queryKey: KEY, queryFn: ({ signal }) => api.get<Campaign[]>('/campaigns', signal) });
}

/** One campaign; asked again every two seconds while its letters, mails or calls are being made. */
export function useCampaign(id: string | undefined) {
  return useQuery({
    queryKey: [...KEY, id],
    queryFn: ({ signal }) => api.get<Campaign>(`/campaigns/${id}`, signal),
    enabled: Boolean(id),
    refetchInterval: (query) => (query.state.data?.status === 'running' ? 2000 : false),
  });
}

/** The live count and the first recipients of a selection; the caller debounces the filter. */
export function useSelection(channel: CampaignChannel, filter: SelectionFilterInput) {
  const body = { channel, filter };
  const count = useQuery({
    queryKey: [...KEY, 'count', body],
    queryFn: () => api.post<SelectionCount>('/campaigns/selection/count', body),
    placeholderData: keepPreviousData,
  });
  const preview = useQuery({
    queryKey: [...KEY, 'preview', body],
    queryFn: () => api.post<PreviewRow[]>('/campaigns/selection/preview', body),
    placeholderData: keepPreviousData,
  });
  return { count, preview };
}

export function useVehicleChoices() {
  return useQuery({
    queryKey: [...KEY, 'vehicle-choices'],
    queryFn: ({ signal }) =>
      api.get<Array<{ brand: string; model: string; count: number }>>('/campaigns/vehicle-choices', signal),
    staleTime: 5 * 60_000,
  });
}

export function useSaveCampaign(id: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CampaignInput) =>
      id ? api.put<Campaign>(`/campaigns/${id}`, input) : api.post<Campaign>('/campaigns', input),
    onSuccess: (saved) => {
      client.setQueryData([...KEY, saved.id], saved);
      void client.invalidateQueries({ queryKey: KEY, exact: true });
    },
  });
}

export function useStartCampaign(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (expectedRecipients: number) => api.post<Campaign>(`/campaigns/${id}/start`, { expectedRecipients }),
    onSuccess: (started) => client.setQueryData([...KEY, id], started),
  });
}

export function useRecipients(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, id, 'recipients'],
    queryFn: ({ signal }) =>
      api.get<{ items: RecipientRow[]; nextAfter: number | null }>(`/campaigns/${id}/recipients?limit=200`, signal),
    enabled,
  });
}

export function useMarkResponse(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { recipientId: string; response: CampaignResponse; marked: boolean }) =>
      api.put<void>(`/campaigns/${id}/recipients/${v.recipientId}/response`, {
        response: v.response,
        marked: v.marked,
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: [...KEY, id] }),
  });
}

export function useCampaignReport(params: { from: string; to: string; locationId?: string }) {
  const query = new URLSearchParams({ from: params.from, to: params.to });
  if (params.locationId) query.set('locationId', params.locationId);
  return useQuery({
    queryKey: ['reports', 'campaigns', params],
    queryFn: ({ signal }) => api.get<CampaignReport>(`/reports/campaigns?${query.toString()}`, signal),
    placeholderData: keepPreviousData,
  });
}
