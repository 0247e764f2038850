import { ActionIcon, Anchor, Badge, Card, Group, Menu, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconDots } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { OPPORTUNITY_STAGES, type OpportunityStage } from '@shared/sales/enums';
import type { OpportunitySummary } from '@shared/sales/opportunity-schemas';
import { formatDateTime } from '@web/ui/format';
import { formatCents } from './queries';

/** The next planned activity, or the flag that none is planned. */
export function NextActivityLine({ next }: { next: OpportunitySummary['nextActivity'] }) {
  const { t } = useTranslation();
  if (!next) {
    return (
      <Badge color="orange" variant="light" leftSection={<IconAlertTriangle size={12} />}>
        {t('sales.noNextActivity')}
      </Badge>
    );
  }
  return (
    <Text size="xs" c={next.overdue ? 'red' : 'dimmed'}>
      {t('sales.nextActivity', { subject: next.subject, when: formatDateTime(next.startsAt) })}
    </Text>
  );
}

/** One card of the board: draggable, with a stage menu as the keyboard way to move it. */
export function OpportunityCard({
  item,
  onMove,
}: {
  item: OpportunitySummary;
  onMove: (item: OpportunitySummary, stage: OpportunityStage) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Card
      withBorder
      padding="xs"
      draggable
      onDragStart={(e) => {
        e.dataTransfer.setData('text/plain', item.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
      data-testid={`opportunity-${item.number}`}
    >
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap">
          <Anchor component={Link} to={`/sales/${item.id}`} size="sm" fw={600}>
            {item.contact.displayName}
          </Anchor>
          <Menu position="bottom-end">
            <Menu.Target>
              <ActionIcon variant="subtle" size="sm" aria-label={t('sales.moveTo', { number: item.number })}>
                <IconDots size={14} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{t('sales.moveToLabel')}</Menu.Label>
              {OPPORTUNITY_STAGES.filter((s) => s !== 'delivered' && s !== item.stage).map((stage) => (
                <Menu.Item key={stage} onClick={() => onMove(item, stage)}>
                  {t(`texts.opportunityStage.${stage}`)}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        </Group>
        <Text size="xs" c="dimmed">
          {item.number} · {item.interest || t('sales.interestUnknown')}
        </Text>
        <Group gap="xs">
          <Text size="xs">{item.owner.displayName}</Text>
          <Text size="xs" fw={600}>
            {formatCents(item.expectedValueCents, i18n.language)}
          </Text>
          <Text size="xs" c="dimmed">
            {t('sales.daysInStage', { count: item.daysInStage })}
          </Text>
        </Group>
        <NextActivityLine next={item.nextActivity} />
      </Stack>
    </Card>
  );
}
