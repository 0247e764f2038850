import { Select } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useContact } from '@web/features/customers/queries';
import { usePresence } from '../queries';
import type { PresenceEntryData } from '../types';

/** Free now first, then those on the phone, then those away; the customer's own consultants lead their group. */
export function byAvailability(presence: PresenceEntryData[], regularIds: string[]): PresenceEntryData[] {
  const availability = (entry: PresenceEntryData) => (!entry.present ? 2 : entry.onCall ? 1 : 0);
  const regular = (entry: PresenceEntryData) => (regularIds.includes(entry.user.id) ? 0 : 1);
  // The list arrives sorted by name; a stable sort keeps that order within each group.
  return [...presence].sort((a, b) => availability(a) - availability(b) || regular(a) - regular(b));
}

interface WalkInAssigneeProps {
  locationId: string;
  contactId: string;
  value: string;
  onChange(userId: string): void;
  /** The server's word on the choice (e.g. no longer active). */
  error?: ReactNode;
}

/**
 * Who comes to the desk for a customer standing there: colleagues of the
 * location, whoever is free now first; colleagues on the phone or away are
 * marked. Left empty, the assignment rule picks whoever is free now.
 */
export function WalkInAssignee({ locationId, contactId, value, onChange, error }: WalkInAssigneeProps) {
  const { t } = useTranslation();
  const presence = usePresence(locationId);
  const contact = useContact(contactId, Boolean(contactId));
  const regularIds = [contact.data?.salesConsultant?.id, contact.data?.serviceAdvisor?.id].filter((id): id is string =>
    Boolean(id),
  );
  const data = byAvailability(presence.data ?? [], regularIds).map((entry) => {
    const marks = [
      regularIds.includes(entry.user.id) && t('requests.walkIn.regular'),
      // At a location that uses check-in: who is on duty, and who has not checked in (not away).
      entry.onDuty === true && t('duty.walkInOnDuty'),
      entry.onDuty === false && !entry.absence
        ? t('duty.walkInNotCheckedIn')
        : !entry.present
          ? t('requests.walkIn.away')
          : entry.onCall && t('requests.walkIn.onCall'),
    ].filter(Boolean);
    return {
      value: entry.user.id,
      label: marks.length > 0 ? `${entry.user.displayName} — ${marks.join(', ')}` : entry.user.displayName,
      // Nobody who is away can come to the desk.
      disabled: !entry.present,
    };
  });
  return (
    <Select
      label={t('requests.walkIn.assignee')}
      description={t('requests.walkIn.assigneeHint')}
      placeholder={presence.isPending ? t('common.loading') : t('requests.walkIn.assigneeAuto')}
      data={data}
      value={value || null}
      onChange={(id) => onChange(id ?? '')}
      clearable
      searchable
      error={error ?? (presence.isError ? t('requests.walkIn.presenceFailed') : undefined)}
    />
  );
}
