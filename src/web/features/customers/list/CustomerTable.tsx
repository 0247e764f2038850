import { Badge, Group, Table, Text, UnstyledButton } from '@mantine/core';
import { IconBuilding, IconChevronDown, IconChevronUp, IconSelector, IconUser } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { formatDate } from '../format';
import { usePhoneLayout } from '@web/app/use-phone';
import { PhoneLink } from '@web/features/telephony/PhoneLink';
import type { ContactFilters } from '../queries';
import type { ContactListItem } from '../types';
import { CustomerCards } from './CustomerCards';

interface CustomerTableProps {
  items: readonly ContactListItem[];
  sort: ContactFilters['sort'];
  dir: ContactFilters['dir'];
  locationLabel(id: string): { code: string; name: string };
  onSort(column: ContactFilters['sort']): void;
}

function SortHeader(props: {
  column: ContactFilters['sort'];
  current: ContactFilters['sort'];
  dir: ContactFilters['dir'];
  onSort(column: ContactFilters['sort']): void;
  children: ReactNode;
}) {
  const active = props.column === props.current;
  const Icon = !active ? IconSelector : props.dir === 'asc' ? IconChevronUp : IconChevronDown;
  return (
    <Table.Th aria-sort={active ? (props.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton onClick={() => props.onSort(props.column)} fw={700} fz="sm" style={{ whiteSpace: 'nowrap' }}>
        <Group gap={4} wrap="nowrap">
          {props.children}
          <Icon size={14} stroke={1.8} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

/** Customers as rows; the whole row opens the record, the name is a real link (new tab, keyboard). */
export function CustomerTable({ items, sort, dir, locationLabel, onSort }: CustomerTableProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const phone = usePhoneLayout();
  const header = { current: sort, dir, onSort };
  if (phone) return <CustomerCards items={items} locationLabel={locationLabel} />;

  return (
    <Table.ScrollContainer minWidth={900}>
      <Table highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <SortHeader column="name" {...header}>
              {t('customers.fields.name')}
            </SortHeader>
            <SortHeader column="customerNumber" {...header}>
              {t('customers.fields.customerNumber')}
            </SortHeader>
            <Table.Th>{t('customers.fields.city')}</Table.Th>
            <Table.Th>{t('customers.fields.phone')}</Table.Th>
            <Table.Th>{t('customers.fields.salesConsultant')}</Table.Th>
            <Table.Th>{t('customers.fields.homeLocation')}</Table.Th>
            <SortHeader column="updatedAt" {...header}>
              {t('customers.fields.updatedAt')}
            </SortHeader>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr
              key={item.id}
              onClick={(event) => {
                if ((event.target as HTMLElement).closest('a')) return;
                void navigate(`/customers/${item.id}`);
              }}
              style={{ cursor: 'pointer' }}
              bg={item.blocked ? 'var(--mantine-color-red-light)' : undefined}
            >
              <Table.Td>
                <Group gap={8} wrap="nowrap">
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
                    style={{ textDecoration: 'none', whiteSpace: 'nowrap' }}
                  >
                    {item.displayName}
                  </Text>
                  {item.blocked && (
                    <Badge color="red" size="xs" variant="filled" style={{ flexShrink: 0 }}>
                      {t('customers.blocked')}
                    </Badge>
                  )}
                  {item.tags.slice(0, 2).map((tag) => (
                    <Badge key={tag} size="xs" variant="light" color="gray" tt="none" style={{ flexShrink: 0 }}>
                      {tag}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td ff="monospace" fz="sm">
                {item.customerNumber}
              </Table.Td>
              <Table.Td>{item.city ?? t('common.none')}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {item.primaryPhone ? <PhoneLink number={item.primaryPhone} contactId={item.id} /> : t('common.none')}
              </Table.Td>
              <Table.Td>{item.salesConsultant?.displayName ?? t('common.none')}</Table.Td>
              <Table.Td title={locationLabel(item.homeLocationId).name}>
                {locationLabel(item.homeLocationId).code}
              </Table.Td>
              <Table.Td c="dimmed" fz="sm" style={{ whiteSpace: 'nowrap' }}>
                {formatDate(item.updatedAt)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
