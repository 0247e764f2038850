import { Badge, Group, Table, UnstyledButton } from '@mantine/core';
import { IconBuilding, IconChevronDown, IconChevronUp, IconSelector, IconUser } from '@tabler/icons-react';
import { memo, useCallback, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { formatDate } from '../format';
import { usePhoneLayout } from '@web/app/use-phone';
import { PhoneLink } from '@web/features/telephony/PhoneLink';
import type { ContactFilters } from '../queries';
import type { ContactListItem } from '../types';
import { CustomerCards } from './CustomerCards';
import classes from './CustomerTable.module.css';

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

interface CustomerRowProps {
  item: ContactListItem;
  /** The home location's short code, with its full name as the tooltip. */
  locationCode: string;
  locationName: string;
  labels: RowLabels;
  onOpen(id: string): void;
}

/** The row's few texts, translated once per list rather than through a translation hook in each of fifty rows. */
interface RowLabels {
  company: string;
  person: string;
  blocked: string;
  none: string;
}

/** One customer; rows already shown are not rendered again when the next page arrives. */
const CustomerRow = memo(function CustomerRow({ item, locationCode, locationName, labels, onOpen }: CustomerRowProps) {
  return (
    <tr
      className={classes.row}
      onClick={(event) => {
        if ((event.target as HTMLElement).closest('a')) return;
        onOpen(item.id);
      }}
      style={item.blocked ? { backgroundColor: 'var(--mantine-color-red-light)' } : undefined}
    >
      <td className={classes.cell}>
        <div className={classes.name}>
          {item.kind === 'company' ? (
            <IconBuilding size={16} stroke={1.6} aria-label={labels.company} />
          ) : (
            <IconUser size={16} stroke={1.6} aria-label={labels.person} />
          )}
          <Link to={`/customers/${item.id}`} className={classes.nameLink}>
            {item.displayName}
          </Link>
          {item.blocked && (
            <Badge color="red" size="xs" variant="filled" className={classes.badge}>
              {labels.blocked}
            </Badge>
          )}
          {item.tags.slice(0, 2).map((tag) => (
            <Badge key={tag} size="xs" variant="light" color="gray" tt="none" className={classes.badge}>
              {tag}
            </Badge>
          ))}
        </div>
      </td>
      <td className={`${classes.cell} ${classes.number}`}>{item.customerNumber}</td>
      <td className={classes.cell}>{item.city ?? labels.none}</td>
      <td className={`${classes.cell} ${classes.nowrap}`}>
        {item.primaryPhone ? <PhoneLink number={item.primaryPhone} contactId={item.id} /> : labels.none}
      </td>
      <td className={classes.cell}>{item.salesConsultant?.displayName ?? labels.none}</td>
      <td className={classes.cell} title={locationName}>
        {locationCode}
      </td>
      <td className={`${classes.cell} ${classes.dimmed}`}>{formatDate(item.updatedAt)}</td>
    </tr>
  );
});

/** Customers as rows; the whole row opens the record, the name is a real link (new tab, keyboard). */
export function CustomerTable({ items, sort, dir, locationLabel, onSort }: CustomerTableProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const phone = usePhoneLayout();
  const header = { current: sort, dir, onSort };
  const openRecord = useCallback((id: string) => void navigate(`/customers/${id}`), [navigate]);
  const labels = useMemo<RowLabels>(
    () => ({
      company: t('customers.kind.company'),
      person: t('customers.kind.person'),
      blocked: t('customers.blocked'),
      none: t('common.none'),
    }),
    [t],
  );
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
          {items.map((item) => {
            const location = locationLabel(item.homeLocationId);
            return (
              <CustomerRow
                key={item.id}
                item={item}
                locationCode={location.code}
                locationName={location.name}
                labels={labels}
                onOpen={openRecord}
              />
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
