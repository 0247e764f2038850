import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { IconBuilding, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PhoneLink } from '@web/features/telephony/PhoneLink';
import type { ContactListItem } from '../types';

interface CustomerCardsProps {
  items: readonly ContactListItem[];
  locationLabel(id: string): { code: string; name: string };
}

/** The customer list on a phone: name, number, phone and consultant on one card each, nothing to scroll sideways. */
export function CustomerCards({ items, locationLabel }: CustomerCardsProps) {
  const { t } = useTranslation();
  return (
    <Stack gap={0} data-testid="customer-cards">
      {items.map((item) => (
        <Paper
          key={item.id}
          component="article"
          p="sm"
          radius={0}
          bg={item.blocked ? 'var(--mantine-color-red-light)' : undefined}
          style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
        >
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Group gap={8} wrap="nowrap" style={{ minWidth: 0 }}>
              {item.kind === 'company' ? (
                <IconBuilding size={16} stroke={1.6} aria-label={t('customers.kind.company')} />
              ) : (
                <IconUser size={16} stroke={1.6} aria-label={t('customers.kind.person')} />
              )}
              <Text
                component={Link}
                to={`/customers/${item.id}`}
                size="sm"
                fw={600}
                c="inherit"
                truncate
                style={{ textDecoration: 'none' }}
              >
                {item.displayName}
              </Text>
              {item.blocked && (
                <Badge color="red" size="xs" variant="filled" style={{ flexShrink: 0 }}>
                  {t('customers.blocked')}
                </Badge>
              )}
            </Group>
            <Text ff="monospace" fz="xs" c="dimmed" style={{ flexShrink: 0 }}>
              {item.customerNumber}
            </Text>
          </Group>
          <Group justify="space-between" mt={4} wrap="nowrap" gap="xs">
            {item.primaryPhone ? (
              <PhoneLink number={item.primaryPhone} contactId={item.id} />
            ) : (
              <Text size="sm" c="dimmed">
                {t('common.none')}
              </Text>
            )}
            <Text size="sm" c="dimmed" truncate>
              {[item.city, locationLabel(item.homeLocationId).code].filter(Boolean).join(' · ')}
            </Text>
          </Group>
          {item.salesConsultant && (
            <Text size="xs" c="dimmed" mt={2} truncate>
              {t('customers.fields.salesConsultant')}: {item.salesConsultant.displayName}
            </Text>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
