import { Button, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff, IconSearch, IconTag } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIFECYCLE_PHASES, type LifecyclePhase } from '@shared/lifecycle/phase';
import { useLocations } from '@web/app/org-queries';
import type { ContactFilters } from '../queries';
import type { FilterKey } from './use-list-filters';

interface CustomerFiltersProps {
  filters: ContactFilters;
  active: boolean;
  onChange(changes: Partial<Record<FilterKey, string | null>>): void;
  onReset(): void;
}

/** Text filters wait for a typing pause; the selects apply at once. */
export function CustomerFilters({ filters, active, onChange, onReset }: CustomerFiltersProps) {
  const { t } = useTranslation();
  const locations = useLocations();
  const [name, setName] = useState(filters.q ?? '');
  const [tag, setTag] = useState(filters.tag ?? '');
  const applyText = useDebouncedCallback(
    (key: FilterKey, value: string) => onChange({ [key]: value.trim() || null }),
    250,
  );

  function handleReset() {
    setName('');
    setTag('');
    onReset();
  }

  return (
    <Group gap="sm" mb="md" align="flex-end" wrap="wrap">
      <TextInput
        label={t('customers.list.filterName')}
        placeholder={t('customers.list.filterNamePlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={name}
        onChange={(event) => {
          setName(event.currentTarget.value);
          applyText('q', event.currentTarget.value);
        }}
        w={{ base: '100%', xs: 240 }}
      />
      <Select
        label={t('customers.list.filterLocation')}
        placeholder={t('customers.list.all')}
        data={(locations.data ?? []).map((location) => ({ value: location.id, label: location.name }))}
        value={filters.locationId ?? null}
        onChange={(value) => onChange({ locationId: value })}
        clearable
        searchable
        w={{ base: '100%', xs: 200 }}
      />
      <Select
        label={t('customers.list.filterKind')}
        placeholder={t('customers.list.all')}
        data={[
          { value: 'person', label: t('customers.kind.person') },
          { value: 'company', label: t('customers.kind.company') },
        ]}
        value={filters.kind ?? null}
        onChange={(value) => onChange({ kind: value })}
        clearable
        w={{ base: '100%', xs: 160 }}
      />
      <Select
        label={t('customers.list.filterBlocked')}
        placeholder={t('customers.list.all')}
        data={[
          { value: 'false', label: t('customers.list.notBlocked') },
          { value: 'true', label: t('customers.list.onlyBlocked') },
        ]}
        value={filters.blocked ?? null}
        onChange={(value) => onChange({ blocked: value })}
        clearable
        w={{ base: '100%', xs: 170 }}
      />
      <Select
        label={t('customers.list.filterPhase')}
        placeholder={t('customers.list.all')}
        data={LIFECYCLE_PHASES.map((phase) => ({ value: phase, label: t(`lifecycle.phase.${phase}`) }))}
        // The list names the months of each phase; the field keeps the short name so it fits.
        renderOption={({ option }) => t(`campaigns.phase.${option.value as LifecyclePhase}`)}
        comboboxProps={{ width: 'max-content' }}
        value={filters.phase ?? null}
        onChange={(value) => onChange({ phase: value })}
        clearable
        w={{ base: '100%', xs: 250 }}
      />
      <TextInput
        label={t('customers.list.filterTag')}
        placeholder={t('customers.list.filterTagPlaceholder')}
        leftSection={<IconTag size={16} />}
        value={tag}
        onChange={(event) => {
          setTag(event.currentTarget.value);
          applyText('tag', event.currentTarget.value);
        }}
        w={{ base: '100%', xs: 160 }}
      />
      {active && (
        <Button variant="subtle" color="gray" leftSection={<IconFilterOff size={16} />} onClick={handleReset}>
          {t('customers.list.resetFilters')}
        </Button>
      )}
    </Group>
  );
}
