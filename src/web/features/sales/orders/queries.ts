import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DeliveryChecklistItem } from '@shared/sales/enums';
import type { PurchaseOrder } from '@shared/sales/orders';
import { api } from '@web/ui/api';
import { OPPORTUNITIES_KEY } from '../opportunities/queries';

export type { PurchaseOrder };

const ordersKey = (opportunityId: string) => ['purchase-orders', opportunityId] as const;

export function useOpportunityOrders(opportunityId: string) {
  return useQuery({
    queryKey: ordersKey(opportunityId),
    queryFn: ({ signal }) =>
      api.get<{ items: PurchaseOrder[] }>(`/opportunities/${opportunityId}/purchase-orders`, signal),
  });
}

/**
 * Every order write also changes the opportunity (stage, won) and its offers' state, so those
 * are refreshed with the orders.
 */
function useOrderMutation<V>(opportunityId: string, write: (vars: V) => Promise<PurchaseOrder>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ordersKey(opportunityId) }),
        client.invalidateQueries({ queryKey: ['offers', opportunityId] }),
        client.invalidateQueries({ queryKey: OPPORTUNITIES_KEY }),
      ]),
  });
}

export const usePlaceOrder = (opportunityId: string) =>
  useOrderMutation(opportunityId, ({ offerId, plannedDeliveryAt }: { offerId: string; plannedDeliveryAt?: string }) =>
    api.post<PurchaseOrder>(`/offers/${offerId}/purchase-order`, plannedDeliveryAt ? { plannedDeliveryAt } : {}),
  );

export const useTickChecklist = (opportunityId: string) =>
  useOrderMutation(
    opportunityId,
    ({ order, checklist }: { order: PurchaseOrder; checklist: DeliveryChecklistItem[] }) =>
      api.patch<PurchaseOrder>(`/purchase-orders/${order.id}`, { checklist, version: order.version }),
  );

export const useDeliverOrder = (opportunityId: string) =>
  useOrderMutation(opportunityId, (orderId: string) => api.post<PurchaseOrder>(`/purchase-orders/${orderId}/deliver`));

export const useCancelOrder = (opportunityId: string) =>
  useOrderMutation(opportunityId, ({ orderId, reason }: { orderId: string; reason: string }) =>
    api.post<PurchaseOrder>(`/purchase-orders/${orderId}/cancel`, { reason }),
  );

/** Renders (or re-renders, identically) the order's PDF and returns the stored document. */
export const renderOrderPdf = (orderId: string) => api.post<{ id: string }>(`/purchase-orders/${orderId}/pdf`);
