import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type LifecyclePhase, lifecyclePhase, monthOfOwnership } from '@shared/lifecycle/phase';
import { useContactPhases } from './queries';

const COLORS: Record<LifecyclePhase, string> = {
  getting_to_know: 'teal',
  usage: 'blue',
  reorientation: 'orange',
  after36: 'gray',
};

/** "Phase 2 · Nutzung · Monat 14": where the customer or vehicle stands since delivery. */
export function PhaseBadge({ phase, month }: { phase: LifecyclePhase | null; month: number }) {
  const { t } = useTranslation();
  if (!phase) return null;
  return (
    <Badge color={COLORS[phase]} variant="light" tt="none">
      {t('lifecycle.badge', { phase: t(`lifecycle.phase.${phase}`), month })}
    </Badge>
  );
}

/** The customer's phase: the most advanced of the vehicles they hold; nothing while loading or without one. */
export function ContactPhaseBadge({ contactId }: { contactId: string }) {
  const phases = useContactPhases(contactId);
  if (!phases.data) return null;
  return <PhaseBadge phase={phases.data.phase} month={phases.data.month} />;
}

/** A vehicle's phase, from its delivery date, as of today on this device. */
export function VehiclePhaseBadge({ deliveryDate }: { deliveryDate: string | null }) {
  if (!deliveryDate) return null;
  const today = berlinDay(new Date());
  return <PhaseBadge phase={lifecyclePhase(deliveryDate, today)} month={monthOfOwnership(deliveryDate, today)} />;
}

const berlinDay = (at: Date) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
