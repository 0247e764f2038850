import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DELIVERY_CHECKLIST, type DeliveryChecklistItem } from '@shared/sales/enums';
import { formatEuro } from '@shared/sales/money';
import { ORDER_TEXT_MAX } from '@shared/sales/orders';
import { berlinParts } from '@web/features/activities/time';
import { describeError } from '@web/ui/form-errors';
import { formatDateTime, formatLongDate } from '@web/ui/format';
import { type PurchaseOrder, renderOrderPdf, useCancelOrder, useDeliverOrder, useTickChecklist } from './queries';

const STATUS_COLORS: Record<PurchaseOrder['status'], string> = {
  ordered: 'blue',
  delivered: 'green',
  cancelled: 'red',
};

/** One purchase order: its number, PDF, the delivery appointment and checklist, handover and cancellation. */
export function OrderPanel({
  order,
  opportunityId,
  readOnly = false,
}: {
  order: PurchaseOrder;
  opportunityId: string;
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const tick = useTickChecklist(opportunityId);
  const deliver = useDeliverOrder(opportunityId);
  const [pdfBusy, setPdfBusy] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const failed = (error: unknown) => notifications.show({ color: 'red', message: describeError(error) });
  const open = order.status === 'ordered' && !readOnly;
  const v = order.vehicle;

  async function pdf() {
    setPdfBusy(true);
    try {
      const document = await renderOrderPdf(order.id);
      window.open(`/api/documents/${document.id}`, '_blank', 'noopener');
    } catch (error) {
      failed(error);
    } finally {
      setPdfBusy(false);
    }
  }

  function toggle(item: DeliveryChecklistItem, checked: boolean) {
    const checklist = checked ? [...order.checklist, item] : order.checklist.filter((i) => i !== item);
    tick.mutate({ order, checklist }, { onError: failed });
  }

  const missing = order.missing.map((i) => t(`orders.checklist.${i}`)).join(', ');
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="xs">
            <Text fw={600}>{order.number}</Text>
            <Badge color={STATUS_COLORS[order.status]}>{t(`orders.status.${order.status}`)}</Badge>
          </Group>
          <Button variant="light" leftSection={<IconFileTypePdf size={16} />} onClick={pdf} loading={pdfBusy}>
            {t('orders.pdf')}
          </Button>
        </Group>
        <Text size="sm">
          {[v.make, v.model, v.variant].filter(Boolean).join(' ')}
          {v.vin ? ` · ${v.vin}` : ''}
          {order.grossCents !== null && ` · ${t('orders.price')}: ${formatEuro(order.grossCents)}`}
        </Text>
        {order.plannedDeliveryAt && order.status === 'ordered' && (
          <Text size="sm">
            {t('orders.appointment', { when: formatDateTime(order.plannedDeliveryAt) })}{' '}
            <Anchor component={Link} to={`/calendar?date=${berlinParts(order.plannedDeliveryAt).day}`}>
              {t('orders.inCalendar')}
            </Anchor>
          </Text>
        )}
        {order.deliveredAt && (
          <Text size="sm">{t('orders.delivered', { date: formatLongDate(order.deliveredAt) })}</Text>
        )}
        <Stack gap={4} role="group" aria-label={t('orders.checklistTitle')}>
          <Text size="sm" fw={500}>
            {t('orders.checklistTitle')}
          </Text>
          {DELIVERY_CHECKLIST.map((item) => (
            <Checkbox
              key={item}
              label={t(`orders.checklist.${item}`)}
              checked={order.checklist.includes(item)}
              disabled={!open || tick.isPending}
              onChange={(e) => toggle(item, e.currentTarget.checked)}
            />
          ))}
        </Stack>
        {open && (
          <Group justify="space-between" align="center">
            <Button variant="subtle" color="red" onClick={() => setCancelling(true)}>
              {t('orders.cancel')}
            </Button>
            <Group gap="xs">
              {order.missing.length > 0 && (
                <Text size="sm" c="dimmed" id={`missing-${order.id}`}>
                  {t('orders.deliverMissing', { missing })}
                </Text>
              )}
              <Button
                color="green"
                disabled={order.missing.length > 0}
                aria-describedby={order.missing.length > 0 ? `missing-${order.id}` : undefined}
                loading={deliver.isPending}
                onClick={() => deliver.mutate(order.id, { onError: failed })}
              >
                {t('orders.deliver')}
              </Button>
            </Group>
          </Group>
        )}
      </Stack>
      {cancelling && (
        <CancelOrderDialog order={order} opportunityId={opportunityId} onClose={() => setCancelling(false)} />
      )}
    </Card>
  );
}

function CancelOrderDialog({
  order,
  opportunityId,
  onClose,
}: {
  order: PurchaseOrder;
  opportunityId: string;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const cancel = useCancelOrder(opportunityId);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal opened onClose={onClose} title={t('orders.cancelTitle')}>
      <Stack gap="sm">
        <Text size="sm">{t('orders.cancelHint')}</Text>
        <Textarea
          label={t('orders.cancelReason')}
          required
          maxLength={ORDER_TEXT_MAX.cancelReason}
          autosize
          minRows={3}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            disabled={reason.trim() === ''}
            loading={cancel.isPending}
            onClick={() =>
              cancel.mutate(
                { orderId: order.id, reason },
                { onSuccess: onClose, onError: (e) => setError(describeError(e)) },
              )
            }
          >
            {t('orders.cancel')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
