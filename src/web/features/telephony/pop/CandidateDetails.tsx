import { Anchor, Badge, Divider, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconBuilding, IconCar, IconUser } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { PopCandidate } from '@shared/telephony/schemas';
import { formatDateTime } from '@web/ui/format';
import { BlockBanner } from '@web/features/customers/record/BlockBanner';
import { isKnownKind } from '@web/features/customers/timeline/timeline-kinds';
import { StatusBadge } from '@web/features/requests/components/StatusBadge';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" style={{ letterSpacing: 0.4 }}>
        {title}
      </Text>
      {children}
    </Stack>
  );
}

interface CandidateDetailsProps {
  candidate: PopCandidate;
  /** Rendered next to each open request, e.g. "log as contact attempt". */
  requestAction?: (request: PopCandidate['openRequests'][number]) => ReactNode;
}

/** Who is calling and what is going on with them (R4.2): everything is one click from here. */
export function CandidateDetails({ candidate, requestAction }: CandidateDetailsProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      {candidate.block && (
        <BlockBanner
          block={{
            reason: candidate.block.reason,
            blockedAt: candidate.block.since,
            blockedUntil: candidate.block.until,
            blockedBy: null,
          }}
          canUnblock={false}
          onUnblock={() => undefined}
        />
      )}
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon variant="light" color={candidate.block ? 'red' : 'autohaus'} size={40} radius="xl">
          {candidate.kind === 'company' ? <IconBuilding size={22} /> : <IconUser size={22} />}
        </ThemeIcon>
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Anchor component={Link} to={`/customers/${candidate.id}`} fw={700} size="lg" lh={1.3}>
            {candidate.displayName}
          </Anchor>
          <Text size="xs" c="dimmed">
            {t('telephony.pop.customerNumber', { number: candidate.customerNumber })}
            {candidate.companyName && ` · ${t('telephony.pop.company', { name: candidate.companyName })}`}
          </Text>
        </Stack>
      </Group>
      <Group gap="lg">
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t('telephony.pop.consultant')}
          </Text>
          <Text size="sm">{candidate.regularConsultant?.displayName ?? t('telephony.pop.nobody')}</Text>
        </Stack>
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t('telephony.pop.advisor')}
          </Text>
          <Text size="sm">{candidate.regularAdvisor?.displayName ?? t('telephony.pop.nobody')}</Text>
        </Stack>
      </Group>
      <Divider />
      <Section title={t('telephony.pop.openRequests', { count: candidate.openRequests.length })}>
        {candidate.openRequests.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('telephony.pop.noOpenRequests')}
          </Text>
        )}
        {candidate.openRequests.map((request) => (
          <Group key={request.id} gap={6} wrap="nowrap" justify="space-between">
            <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
              <Group gap={6} wrap="wrap">
                <Anchor component={Link} to={`/requests/${request.id}`} size="sm" fw={600} ff="monospace">
                  {request.number}
                </Anchor>
                <Text size="sm">{t(`requests.type.${request.type}`)}</Text>
                <StatusBadge status={request.status} size="xs" />
              </Group>
              {/* Two lines: a subject is what the user recognises the request by. */}
              <Text size="xs" c="dimmed" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                {request.subject}
                {request.firstContactDueAt &&
                  ` · ${t('telephony.pop.due', { date: formatDateTime(request.firstContactDueAt) })}`}
              </Text>
            </Stack>
            {requestAction?.(request)}
          </Group>
        ))}
      </Section>
      <Section title={t('telephony.pop.lastInteractions')}>
        {candidate.lastInteractions.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('telephony.pop.noInteractions')}
          </Text>
        )}
        {candidate.lastInteractions.slice(0, 3).map((interaction) => (
          <Text key={`${interaction.occurredAt}-${interaction.summary}`} size="sm" lineClamp={1}>
            <Text span size="xs" c="dimmed">
              {formatDateTime(interaction.occurredAt)} ·{' '}
              {isKnownKind(interaction.kind) ? t(`customers.timeline.kinds.${interaction.kind}`) : interaction.kind}
            </Text>{' '}
            {interaction.summary}
          </Text>
        ))}
      </Section>
      {candidate.vehicles.length > 0 && (
        <Section title={t('telephony.pop.vehicles', { count: candidate.vehicles.length })}>
          <Group gap={6}>
            {candidate.vehicles.map((vehicle) => (
              <Badge
                key={vehicle.id}
                component={Link}
                to={`/vehicles/${vehicle.id}`}
                variant="light"
                color="gray"
                tt="none"
                leftSection={<IconCar size={12} />}
                style={{ cursor: 'pointer' }}
              >
                {vehicle.label}
                {vehicle.plate && !vehicle.label.includes(vehicle.plate) && ` · ${vehicle.plate}`}
              </Badge>
            ))}
          </Group>
        </Section>
      )}
    </Stack>
  );
}
