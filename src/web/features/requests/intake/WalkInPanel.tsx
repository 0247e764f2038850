import { CustomerOpportunities } from '@web/features/sales/opportunities/CustomerOpportunities';
import { Alert, Anchor, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconBeach, IconPhoneCall, IconUserCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { UserRef } from '@shared/common';
import { formatDate } from '@web/features/customers/format';
import { useContact } from '@web/features/customers/queries';
import { StatusBadge } from '../components/StatusBadge';
import { useContactRequests, usePresence } from '../queries';
import type { PresenceEntryData } from '../types';

/** "Jonas Weber ist heute im Urlaub (bis 12.05.) — Vertretung: Eva Schmidt", or that they are here. */
function ColleagueStatus({ role, person, presence }: { role: string; person: UserRef; presence: PresenceEntryData[] }) {
  const { t } = useTranslation();
  const entry = presence.find((candidate) => candidate.user.id === person.id);
  if (!entry) return null;
  if (entry.present && entry.onCall) {
    return (
      <Alert color="yellow" variant="light" icon={<IconPhoneCall />} p="xs">
        <Text size="sm">{t('requests.walkIn.presentOnCall', { role, name: person.displayName })}</Text>
      </Alert>
    );
  }
  if (entry.present) {
    return (
      <Alert color="teal" variant="light" icon={<IconUserCheck />} p="xs">
        <Text size="sm">{t('requests.walkIn.present', { role, name: person.displayName })}</Text>
      </Alert>
    );
  }
  const absence = entry.absence;
  return (
    <Alert color="orange" variant="light" icon={<IconBeach />} p="xs">
      <Text size="sm" fw={600}>
        {t('requests.walkIn.absent', {
          role,
          name: person.displayName,
          kind: absence?.kind ? t(`assignment.absenceKind.${absence.kind}`) : t('requests.walkIn.away'),
          until: absence ? formatDate(absence.endsOn) : '',
        })}
      </Text>
      <Text size="sm">
        {absence?.deputy
          ? t('requests.walkIn.deputy', { name: absence.deputy.displayName })
          : t('requests.walkIn.noDeputy')}
      </Text>
    </Alert>
  );
}

/**
 * Walk-in (R0.7): while the customer stands at the counter, show what is open
 * for them and whether their regular consultant is here today or who stands in.
 */
export function WalkInPanel({ contactId }: { contactId: string }) {
  const { t } = useTranslation();
  const contact = useContact(contactId);
  const open = useContactRequests(contactId, 'open');
  const presence = usePresence(contact.data?.homeLocationId);
  const people = [
    contact.data?.salesConsultant && {
      role: t('requests.walkIn.salesConsultant'),
      person: contact.data.salesConsultant,
    },
    contact.data?.serviceAdvisor && { role: t('requests.walkIn.serviceAdvisor'), person: contact.data.serviceAdvisor },
  ].filter(Boolean) as { role: string; person: UserRef }[];

  return (
    <Paper withBorder radius="md" p="sm">
      <Stack gap="xs">
        <Title order={5}>{t('requests.walkIn.title')}</Title>
        {people.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('requests.walkIn.noConsultant')}
          </Text>
        )}
        {people.map(({ role, person }) => (
          <ColleagueStatus key={person.id} role={role} person={person} presence={presence.data ?? []} />
        ))}
        <Text size="sm" fw={600} mt={4}>
          {t('requests.walkIn.openRequests')}
        </Text>
        {open.isPending ? (
          <Skeleton height={40} />
        ) : (open.data ?? []).length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('requests.walkIn.noneOpen')}
          </Text>
        ) : (
          (open.data ?? []).map((request) => (
            <Group key={request.id} gap="xs" wrap="nowrap">
              <Anchor component={Link} to={`/requests/${request.id}`} size="sm" fw={600}>
                {request.number}
              </Anchor>
              <Text size="sm" truncate>
                {request.subject}
              </Text>
              <StatusBadge status={request.status} size="xs" />
              {request.assignee && (
                <Text size="xs" c="dimmed">
                  {request.assignee.displayName}
                </Text>
              )}
            </Group>
          ))
        )}
        <CustomerOpportunities contactId={contactId} />
      </Stack>
    </Paper>
  );
}
