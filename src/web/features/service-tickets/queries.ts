import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CallTicketResult,
  CallTicketStart,
  ProcessTemplate,
  ProcessTemplateInput,
  ServiceTicket,
  TicketReport,
  TicketStart,
} from '@shared/service-tickets/schemas';
import { api } from '@web/ui/api';

export type { ProcessTemplate, ProcessTemplateInput, ServiceTicket, TicketReport };
export const TICKETS_KEY = ['service-tickets'] as const;
export const PROCESSES_KEY = ['service-processes'] as const;

export function useProcesses() {
  return useQuery({
    queryKey: PROCESSES_KEY,
    queryFn: ({ signal }) => api.get<{ items: ProcessTemplate[] }>('/service-processes', signal),
    staleTime: 60_000,
  });
}

export function useSaveProcess() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: ProcessTemplateInput }) =>
      id
        ? api.put<ProcessTemplate>(`/service-processes/${id}`, input)
        : api.post<ProcessTemplate>('/service-processes', input),
    onSuccess: () => client.invalidateQueries({ queryKey: PROCESSES_KEY }),
  });
}

export type TicketScope = 'mine' | 'location' | 'overdue';

export function useTickets(
  params: { scope: TicketScope; requestId?: string; callId?: string; status?: 'open' | 'all' },
  options: { enabled?: boolean } = {},
) {
  const query = new URLSearchParams({ scope: params.scope, status: params.status ?? 'open' });
  if (params.requestId) query.set('requestId', params.requestId);
  if (params.callId) query.set('callId', params.callId);
  return useQuery({
    queryKey: [...TICKETS_KEY, 'list', params],
    queryFn: ({ signal }) => api.get<{ items: ServiceTicket[] }>(`/service-tickets?${query}`, signal),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** From a call's note: created, or the ticket this call already has with that process. */
export function useStartTicketFromCall(callId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CallTicketStart) => api.post<CallTicketResult>(`/calls/${callId}/service-ticket`, input),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: TICKETS_KEY });
      void client.invalidateQueries({ queryKey: ['activities'] });
    },
  });
}

export function useTicket(id: string) {
  return useQuery({
    queryKey: [...TICKETS_KEY, id],
    queryFn: ({ signal }) => api.get<ServiceTicket>(`/service-tickets/${id}`, signal),
  });
}

export function useStartTicket() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TicketStart) => api.post<ServiceTicket>('/service-tickets', input),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: TICKETS_KEY });
      void client.invalidateQueries({ queryKey: ['activities'] });
    },
  });
}

export function useCompleteStep(ticketId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      stepId: string;
      actualHours: number | null;
      actualCostCents: number | null;
      note: string | null;
    }) => {
      const { stepId, ...body } = input;
      return api.post<ServiceTicket>(`/service-tickets/${ticketId}/steps/${stepId}/complete`, body);
    },
    onSuccess: (ticket) => {
      client.setQueryData([...TICKETS_KEY, ticketId], ticket);
      void client.invalidateQueries({ queryKey: TICKETS_KEY });
      void client.invalidateQueries({ queryKey: ['activities'] });
    },
  });
}

export function useTicketReport(params: { from: string; to: string; locationId?: string }) {
  const query = new URLSearchParams({ from: params.from, to: params.to });
  if (params.locationId) query.set('locationId', params.locationId);
  return useQuery({
    queryKey: [...TICKETS_KEY, 'report', params],
    queryFn: ({ signal }) => api.get<TicketReport>(`/service-tickets/report?${query}`, signal),
    placeholderData: keepPreviousData,
  });
}
