import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Offer, OfferList, OfferSent } from '@shared/sales/offer-api';
import type { OfferContent } from '@shared/sales/offer-content';
import { api, uploadFile } from '@web/ui/api';

export type { Offer, OfferList, OfferSent };

const offersKey = (opportunityId: string) => ['offers', opportunityId] as const;

export function useOffers(opportunityId: string) {
  return useQuery({
    queryKey: offersKey(opportunityId),
    queryFn: ({ signal }) => api.get<OfferList>(`/opportunities/${opportunityId}/offers`, signal),
  });
}

/** Every write refreshes the opportunity's versions (a new one supersedes the last). */
function useOfferMutation<V>(opportunityId: string, write: (vars: V) => Promise<Offer>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => client.invalidateQueries({ queryKey: offersKey(opportunityId) }),
  });
}

export const useCreateOffer = (opportunityId: string) =>
  useOfferMutation(opportunityId, (body: { content: OfferContent; validUntil?: string }) =>
    api.post<Offer>(`/opportunities/${opportunityId}/offers`, body),
  );

export const useUploadExternalOffer = (opportunityId: string) =>
  useOfferMutation(opportunityId, (form: FormData) =>
    uploadFile<Offer>(`/opportunities/${opportunityId}/offers/external`, form),
  );

export const useAcceptOffer = (opportunityId: string) =>
  useOfferMutation(opportunityId, (offerId: string) => api.post<Offer>(`/offers/${offerId}/accept`));

export const useRejectOffer = (opportunityId: string) =>
  useOfferMutation(opportunityId, ({ offerId, reason }: { offerId: string; reason: string }) =>
    api.post<Offer>(`/offers/${offerId}/reject`, { reason }),
  );

/** The offer's PDF rendered (or the stored one when unchanged) and opened for download. */
export async function downloadOfferPdf(offerId: string) {
  const doc = await api.post<{ id: string }>(`/offers/${offerId}/pdf`);
  window.open(`/api/documents/${doc.id}`, '_blank', 'noopener');
}
