import { Anchor, Badge, Divider, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconCar, IconMail, IconPhone } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '@web/ui/format';
import { formatDate, isPast } from '@web/features/customers/format';
import { useContactVehicles, useTimeline } from '@web/features/customers/queries';
import { BlockBanner } from '@web/features/customers/record/BlockBanner';
import { ConsentPanel } from '@web/features/customers/record/ConsentPanel';
import type { Contact } from '@web/features/customers/types';
import { PhoneLink } from '@web/features/telephony/PhoneLink';
import { StatusBadge } from '../components/StatusBadge';
import { useContactRequests } from '../queries';
import { timelineSummary } from '@web/features/customers/timeline/words';

const NO_KINDS: readonly string[] = [];

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={6}>
      <Title order={5}>{title}</Title>
      {children}
    </Stack>
  );
}

function Vehicles({ contactId }: { contactId: string }) {
  const { t } = useTranslation();
  const vehicles = useContactVehicles(contactId);
  if (vehicles.isPending) return <Skeleton height={40} />;
  const current = (vehicles.data ?? []).filter((vehicle) => vehicle.current);
  if (current.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('vehicles.none')}
      </Text>
    );
  return current.map((vehicle) => (
    <Stack key={vehicle.id} gap={2}>
      <Group gap={6}>
        <IconCar size={14} />
        <Anchor component={Link} to={`/vehicles/${vehicle.id}`} size="sm" fw={600}>
          {vehicle.make} {vehicle.model}
        </Anchor>
        {vehicle.plate && (
          <Text size="xs" ff="monospace">
            {vehicle.plate}
          </Text>
        )}
      </Group>
      <Group gap={4}>
        {vehicle.serviceContract && !isPast(vehicle.serviceContractUntil) ? (
          <Badge size="xs" color="teal" variant="light" tt="none">
            {t('requests.customer.serviceContract', { date: formatDate(vehicle.serviceContractUntil) || '–' })}
          </Badge>
        ) : (
          <Badge size="xs" color="gray" variant="outline" tt="none">
            {t('vehicles.noContract')}
          </Badge>
        )}
        {vehicle.warrantyEnd && !isPast(vehicle.warrantyEnd) && (
          <Badge size="xs" color="blue" variant="light" tt="none">
            {t('requests.customer.warranty', { date: formatDate(vehicle.warrantyEnd) })}
          </Badge>
        )}
      </Group>
    </Stack>
  ));
}

function LastInteractions({ contactId }: { contactId: string }) {
  const { t } = useTranslation();
  const timeline = useTimeline(`/contacts/${contactId}/timeline`, NO_KINDS);
  if (timeline.isPending) return <Skeleton height={60} />;
  const entries = (timeline.data?.pages[0]?.items ?? []).slice(0, 5);
  if (entries.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('customers.timeline.empty')}
      </Text>
    );
  return entries.map((entry) => (
    <Stack key={entry.id} gap={0}>
      <Text size="sm" lineClamp={2}>
        {timelineSummary(entry)}
      </Text>
      <Text size="xs" c="dimmed">
        {formatDateTime(entry.occurredAt)}
        {entry.author && ` · ${entry.author.displayName}`}
      </Text>
    </Stack>
  ));
}

/** Before the call (R3.2): block, consent, vehicles with contract, other open requests and the latest contacts. */
export function CustomerPanel({ contact, requestId }: { contact: Contact; requestId: string }) {
  const { t } = useTranslation();
  const open = useContactRequests(contact.id, 'open');
  const others = (open.data ?? []).filter((request) => request.id !== requestId);
  const phone = contact.phones.find((entry) => entry.isPrimary) ?? contact.phones[0];
  const email = contact.emails.find((entry) => entry.isPrimary) ?? contact.emails[0];

  return (
    <Stack gap="md">
      {contact.activeBlock && (
        <BlockBanner block={contact.activeBlock} canUnblock={false} onUnblock={() => undefined} />
      )}
      <Paper withBorder radius="md" p="md">
        <Stack gap="md">
          <Stack gap={2}>
            <Anchor component={Link} to={`/customers/${contact.id}`} fw={700} size="lg">
              {contact.displayName}
            </Anchor>
            <Text size="xs" c="dimmed">
              {contact.customerNumber}
            </Text>
            {phone && (
              <Group gap={6}>
                <IconPhone size={14} />
                <PhoneLink number={phone.e164 ?? phone.raw} display={phone.display} contactId={contact.id} />
                {!phone.valid && (
                  <Badge size="xs" color="red" variant="light">
                    {t('requests.customer.invalidNumber')}
                  </Badge>
                )}
              </Group>
            )}
            {email && (
              <Group gap={6}>
                <IconMail size={14} />
                <Anchor href={`mailto:${email.address}`} size="sm">
                  {email.address}
                </Anchor>
              </Group>
            )}
          </Stack>
          <Divider />
          <Section title={t('customers.consent.title')}>
            <ConsentPanel contact={contact} canEdit={false} />
          </Section>
          <Divider />
          <Section title={t('requests.customer.vehicles')}>
            <Vehicles contactId={contact.id} />
          </Section>
          <Divider />
          <Section title={t('requests.customer.openRequests')}>
            {others.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('requests.walkIn.noneOpen')}
              </Text>
            ) : (
              others.map((request) => (
                <Group key={request.id} gap="xs" wrap="nowrap">
                  <Anchor component={Link} to={`/requests/${request.id}`} size="sm" fw={600}>
                    {request.number}
                  </Anchor>
                  <Text size="sm" truncate>
                    {request.subject}
                  </Text>
                  <StatusBadge status={request.status} size="xs" />
                </Group>
              ))
            )}
          </Section>
          <Divider />
          <Section title={t('requests.customer.lastInteractions')}>
            <LastInteractions contactId={contact.id} />
          </Section>
        </Stack>
      </Paper>
    </Stack>
  );
}
