import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Call,
  CallAttemptInput,
  CallbackProposal as CallbackProposalSchema,
  CallLiveEvent,
  CallPop,
  CallRequestInput,
  ClickToCallResponse,
} from '@shared/telephony/schemas';
import type { CustomerRequest } from '@shared/requests/schemas';
import { api } from '@web/ui/api';
import { REQUESTS_KEY } from '../requests/queries';

export type { Call, CallLiveEvent, CallPop };
export type CallbackProposal = z.infer<typeof CallbackProposalSchema>;
export type CallRequestBody = z.input<typeof CallRequestInput>;
export type CallAttemptBody = z.input<typeof CallAttemptInput>;
export type ClickToCallAnswer = z.infer<typeof ClickToCallResponse>;
export type CreatedRequest = Pick<CustomerRequest, 'id' | 'number' | 'assignee' | 'type'>;

export const CALLS_KEY = ['calls'] as const;
export const popKey = (callId: string) => ['calls', callId, 'pop'] as const;

/** The number on the other end: the caller for inbound calls, the dialled party otherwise. */
export function otherNumber(call: Call) {
  return call.direction === 'inbound' ? (call.fromNumber ?? call.fromRaw) : (call.toNumber ?? call.toRaw);
}

/** A call from the live list as if its last event had just arrived, so a reload restores its pop. */
export function callToLiveEvent(call: Call): CallLiveEvent {
  return {
    callId: call.id,
    state: call.state,
    direction: call.direction,
    number: otherNumber(call),
    displayName: call.contact?.displayName ?? null,
    candidateCount: call.matchedContactIds.length,
    receivedAt: call.startedAt,
  };
}

export function useCallPop(callId: string) {
  return useQuery({
    queryKey: popKey(callId),
    queryFn: ({ signal }) => api.get<CallPop>(`/calls/${callId}/pop`, signal),
    staleTime: 30_000,
  });
}

/** Whom a callback from the call would go to by the rules; asked once per card. */
export function useCallbackProposal(callId: string) {
  return useQuery({
    queryKey: ['calls', callId, 'callback-proposal'],
    queryFn: ({ signal }) => api.get<CallbackProposal>(`/calls/${callId}/callback-proposal`, signal),
    staleTime: 60_000,
  });
}

export function fetchLiveCalls(signal?: AbortSignal) {
  return api.get<{ items: Call[] }>('/calls/live', signal).then((body) => body.items);
}

export function useContactCalls(contactId: string) {
  return useQuery({
    queryKey: [...CALLS_KEY, 'contact', contactId],
    queryFn: ({ signal }) =>
      api.get<{ items: Call[]; nextCursor: string | null }>(`/calls?contactId=${contactId}&limit=50`, signal),
  });
}

/**
 * After a change to a call, its pop, the call lists and the customer's timeline
 * show it. Resolves once the pop is fresh, so what follows is laid out on it.
 */
function useRefreshCall(callId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: [...CALLS_KEY, 'contact'] });
    void queryClient.invalidateQueries({ queryKey: ['timeline'] });
    return queryClient.invalidateQueries({ queryKey: popKey(callId) });
  };
}

export function useChooseContact(callId: string) {
  const refresh = useRefreshCall(callId);
  return useMutation({
    mutationFn: (contactId: string) => api.put<Call>(`/calls/${callId}/contact`, { contactId }),
    onSuccess: refresh,
  });
}

export function useSaveNote(callId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (note: string) => api.put<Call>(`/calls/${callId}/note`, { note }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['timeline'] });
      void queryClient.invalidateQueries({ queryKey: [...CALLS_KEY, 'contact'] });
    },
  });
}

export function useCreateCallRequest(callId: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshCall(callId);
  return useMutation({
    mutationFn: (body: CallRequestBody) =>
      api
        .post<{ call: Call; request: CreatedRequest }>(`/calls/${callId}/request`, body)
        .then((answer) => answer.request),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: REQUESTS_KEY });
      return refresh();
    },
  });
}

export function useLogAttempt(callId: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshCall(callId);
  return useMutation({
    mutationFn: (body: CallAttemptBody) => api.post<unknown>(`/calls/${callId}/attempt`, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: REQUESTS_KEY });
      return refresh();
    },
  });
}

export function clickToCall(number: string, contactId?: string) {
  return api.post<ClickToCallAnswer>('/telephony/click-to-call', { number, contactId });
}
