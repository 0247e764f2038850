import { Group, Select, Switch, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REQUEST_STATUSES, REQUEST_TYPES } from '@shared/requests/enums';
import { useLocations } from '@web/app/org-queries';
import { AssigneeSelect } from '../components/AssigneeSelect';
import type { WorkListFilters as Filters } from '../types';

interface WorkListFiltersProps {
  filters: Filters;
  onChange(patch: Partial<Filters>): void;
}

export function WorkListFilters({ filters, onChange }: WorkListFiltersProps) {
  const { t } = useTranslation();
  const locations = useLocations();
  const statusOptions = [
    { value: 'open', label: t('requests.filters.open') },
    ...REQUEST_STATUSES.map((status) => ({ value: status, label: t(`requests.status.${status}`) })),
  ];

  return (
    <Group gap="sm" align="flex-end" mb="md">
      <SearchField value={filters.q ?? ''} onChange={(q) => onChange({ q: q || undefined })} />
      <Select
        label={t('requests.fields.status')}
        data={statusOptions}
        value={filters.status}
        onChange={(value) => onChange({ status: value ?? 'open' })}
        allowDeselect={false}
        w={180}
      />
      <Select
        label={t('requests.fields.type')}
        placeholder={t('requests.filters.allTypes')}
        data={REQUEST_TYPES.map((type) => ({ value: type, label: t(`requests.type.${type}`) }))}
        value={filters.type ?? null}
        onChange={(value) => onChange({ type: value ?? undefined })}
        clearable
        w={200}
      />
      {filters.scope !== 'mine' && (
        <>
          <Select
            label={t('requests.fields.location')}
            placeholder={t('requests.filters.allLocations')}
            data={(locations.data ?? []).map((location) => ({ value: location.id, label: location.name }))}
            value={filters.locationId ?? null}
            onChange={(value) => onChange({ locationId: value ?? undefined })}
            clearable
            w={240}
          />
          <AssigneeSelect
            label={t('requests.fields.assignee')}
            placeholder={t('requests.filters.anyone')}
            value={filters.assigneeId ?? null}
            onChange={(value) => onChange({ assigneeId: value ?? undefined })}
            w={240}
          />
        </>
      )}
      <Switch
        label={t('requests.filters.overdueOnly')}
        checked={filters.overdue === 'true'}
        onChange={(event) => onChange({ overdue: event.currentTarget.checked ? 'true' : undefined })}
        color="red"
        mb={8}
      />
      <Switch
        label={t('requests.filters.dueTodayOnly')}
        checked={filters.due === 'today'}
        onChange={(event) => onChange({ due: event.currentTarget.checked ? 'today' : undefined })}
        mb={8}
      />
      {filters.scope !== 'mine' && (
        <Switch
          label={t('requests.filters.unassignedOnly')}
          checked={filters.unassigned === 'true'}
          onChange={(event) => onChange({ unassigned: event.currentTarget.checked ? 'true' : undefined })}
          mb={8}
        />
      )}
    </Group>
  );
}

/** Words to find, also in the text of scanned letters; the list follows after a short pause in typing. */
function SearchField({ value, onChange }: { value: string; onChange(q: string): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const settle = useDebouncedCallback((q: string) => onChange(q.trim()), 300);
  return (
    <TextInput
      label={t('requests.filters.search')}
      placeholder={t('requests.filters.searchPlaceholder')}
      leftSection={<IconSearch size={16} />}
      value={text}
      maxLength={200}
      onChange={(event) => {
        setText(event.currentTarget.value);
        settle(event.currentTarget.value);
      }}
      w={260}
    />
  );
}
