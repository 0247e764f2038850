import { Alert, Button, Group, Loader, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { TimePicker } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '@shared/auth/policies';
import { useCurrentUser } from '@web/app/auth';
import { addDays, berlinInstant, hhmm, parseHhmm, toOffsetIso, todayBerlin } from '@web/features/activities/time';
import { describeError } from '@web/ui/form-errors';
import { useOffers } from '../offers/queries';
import { OrderPanel } from './OrderPanel';
import { useOpportunityOrders, usePlaceOrder } from './queries';
import { DayField } from '@web/ui/date-fields';

/** The server's default handover: 14 days on at 10:00 (moved to the location's next working day). */
const DEFAULT_DAYS = 14;
const DEFAULT_MINUTES = 10 * 60;

/**
 * The purchase order of an opportunity: made from the accepted offer, then the delivery
 * checklist, the PDF, the handover and — if the customer withdraws — the cancellation.
 */
export function OpportunityOrder({ opportunityId }: { opportunityId: string }) {
  const { t } = useTranslation();
  const orders = useOpportunityOrders(opportunityId);
  const offers = useOffers(opportunityId);
  const [placing, setPlacing] = useState(false);
  // Reception reads the order to answer the customer; only sales staff change it.
  const mayWork = can(useCurrentUser().role, 'sales.work');

  if (orders.isPending || offers.isPending) return <Loader aria-label={t('orders.loading')} />;
  if (orders.isError) return <Alert color="red">{t('orders.error')}</Alert>;
  const current = orders.data.items.find((o) => o.status !== 'cancelled');
  const cancelled = orders.data.items.filter((o) => o.status === 'cancelled');
  const accepted = offers.data?.items.find((o) => o.status === 'accepted');
  const mayPlace = mayWork && !current && accepted && !offers.data?.closed;

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3}>{t('orders.title')}</Title>
        {mayPlace && <Button onClick={() => setPlacing(true)}>{t('orders.create')}</Button>}
      </Group>
      {current ? (
        <OrderPanel order={current} opportunityId={opportunityId} readOnly={!mayWork} />
      ) : (
        <Text c="dimmed">{accepted ? t('orders.none') : t('orders.noAcceptedOffer')}</Text>
      )}
      {cancelled.map((o) => (
        <Text key={o.id} size="sm" c="dimmed">
          {o.number} · {t('orders.status.cancelled')}: {o.cancelReason}
        </Text>
      ))}
      {placing && accepted && (
        <PlaceOrderDialog opportunityId={opportunityId} offerId={accepted.id} onClose={() => setPlacing(false)} />
      )}
    </Stack>
  );
}

function PlaceOrderDialog({
  opportunityId,
  offerId,
  onClose,
}: {
  opportunityId: string;
  offerId: string;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const place = usePlaceOrder(opportunityId);
  const [day, setDay] = useState(addDays(todayBerlin(), DEFAULT_DAYS));
  const [time, setTime] = useState(hhmm(DEFAULT_MINUTES));
  // Untouched, the server picks the day so that weekends and the location's holidays are skipped.
  const [chosen, setChosen] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function submit() {
    setError(null);
    const plannedDeliveryAt = chosen ? toOffsetIso(berlinInstant(day, parseHhmm(time))) : undefined;
    place.mutate(
      { offerId, plannedDeliveryAt },
      {
        onSuccess: (order) => {
          notifications.show({ color: 'green', message: t('orders.created', { number: order.number }) });
          onClose();
        },
        onError: (e) => setError(describeError(e)),
      },
    );
  }

  return (
    <Modal opened onClose={onClose} title={t('orders.createTitle')}>
      <Stack gap="sm">
        <SimpleGrid cols={2}>
          <DayField
            label={t('orders.plannedDelivery')}
            value={day}
            required
            onChange={(next) => (setDay(next), setChosen(true))}
          />
          <TimePicker
            format="24h"
            label={t('orders.plannedTime')}
            hoursInputLabel={t('common.timeOf', { field: t('orders.plannedDelivery') })}
            minutesInputLabel={t('common.minutesOf', { field: t('orders.plannedDelivery') })}
            value={time}
            required
            onChange={(next) => (setTime(next.slice(0, 5)), setChosen(true))}
          />
        </SimpleGrid>
        <Text size="sm" c="dimmed">
          {t('orders.plannedDeliveryHint')}
        </Text>
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={place.isPending} disabled={chosen && (!day || !time)}>
            {t('orders.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
