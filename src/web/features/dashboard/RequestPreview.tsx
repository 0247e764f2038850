import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { RequestListItem } from '@shared/requests/schemas';
import { DueLabel } from '../requests/components/DueLabel';

interface RequestPreviewProps {
  title: string;
  items: RequestListItem[];
  count: number;
  /** The whole list, filtered like this preview. */
  to: string;
  empty: string;
}

/** The first few requests of a bucket, most urgent first, with the way to the rest. */
export function RequestPreview({ title, items, count, to, empty }: RequestPreviewProps) {
  const { t } = useTranslation();
  const now = new Date();
  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Text fw={600}>{title}</Text>
        {count > 0 && (
          <Anchor component={Link} to={to} size="sm">
            {t('dashboard.showAll', { count })}
          </Anchor>
        )}
      </Group>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Stack gap="sm">
          {items.map((item) => (
            // On a phone the deadline moves under the request instead of squeezing it.
            <Group key={item.id} justify="space-between" align="flex-start" wrap="wrap" gap={4}>
              <Stack gap={0} style={{ minWidth: 0, flex: '1 1 220px' }}>
                <Group gap={6} wrap="nowrap">
                  <Anchor
                    component={Link}
                    to={`/requests/${item.id}`}
                    fw={600}
                    size="sm"
                    style={{ whiteSpace: 'nowrap' }}
                  >
                    {item.number}
                  </Anchor>
                  <Badge size="xs" variant="light" color="gray" tt="none">
                    {t(`requests.type.${item.type}`)}
                  </Badge>
                </Group>
                <Text size="sm" truncate>
                  {item.contact.displayName} · {item.subject}
                </Text>
              </Stack>
              <div style={{ flexShrink: 0 }}>
                <DueLabel dueAt={item.firstContactDueAt} overdue={item.overdue} now={now} />
              </div>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
