import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Complaint, ComplaintListItem, ComplaintReport, SimilarComplaint } from '@shared/complaints/schemas';
import { api, ApiError } from '@web/ui/api';
import { toSearchParams } from '../customers/queries';

export type ComplaintItem = z.infer<typeof ComplaintListItem>;

/** The request's complaint case, or null when it has none yet. */
export function useComplaintOfRequest(requestId: string) {
  return useQuery({
    queryKey: ['complaints', 'request', requestId],
    queryFn: async ({ signal }) => {
      try {
        return await api.get<Complaint>(`/requests/${requestId}/complaint`, signal);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}

export function useSimilarComplaints(id: string, probe: { category?: string | null; vehicleId?: string | null }) {
  const query = toSearchParams({ category: probe.category ?? undefined, vehicleId: probe.vehicleId ?? undefined });
  return useQuery({
    queryKey: ['complaints', id, 'similar', probe],
    queryFn: ({ signal }) => api.get<{ items: SimilarComplaint[] }>(`/complaints/${id}/similar?${query}`, signal),
    placeholderData: keepPreviousData,
  });
}

/** Every change answers with the whole case; it replaces the cached one. */
export function useComplaintChange(requestId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ method, path, body }: { method: 'post' | 'put' | 'patch'; path: string; body: unknown }) =>
      api[method]<Complaint>(path, body),
    onSuccess: (complaint) => {
      client.setQueryData(['complaints', 'request', requestId], complaint);
      void client.invalidateQueries({ queryKey: ['complaints', 'list'] });
      void client.invalidateQueries({ queryKey: ['complaints', complaint.id, 'similar'] });
    },
  });
}

export function useComplaintList(params: { filter: string; locationId?: string }) {
  return useQuery({
    queryKey: ['complaints', 'list', params],
    queryFn: ({ signal }) =>
      api.get<{ items: ComplaintItem[] }>(`/complaints?${toSearchParams({ ...params })}`, signal),
    placeholderData: keepPreviousData,
  });
}

export function useComplaintReport(params: { from: string; to: string; locationId?: string }) {
  return useQuery({
    queryKey: ['complaints', 'report', params],
    queryFn: ({ signal }) => api.get<ComplaintReport>(`/complaints/report?${toSearchParams({ ...params })}`, signal),
    placeholderData: keepPreviousData,
  });
}
