import 'dayjs/locale/de';
import { Group, Select } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocations } from '@web/app/org-queries';
import { berlinDay } from '@web/features/requests/intake/callback-windows';
import { currentLocale } from '@web/i18n';

/** A report section's period (Berlin days) and, optionally, one location. */
export interface PeriodAndLocation {
  from: string;
  to: string;
  locationId?: string;
}

/** The period a report section opens with: this year so far. */
export function useYearToDate() {
  return useState<PeriodAndLocation>(() => {
    const today = berlinDay(new Date());
    return { from: `${today.slice(0, 4)}-01-01`, to: today };
  });
}

/** "Zeitraum" and "Standort" above a report section's figures, as every section on the Reports page has them. */
export function PeriodLocationFilter({
  value,
  onChange,
}: {
  value: PeriodAndLocation;
  onChange(update: (previous: PeriodAndLocation) => PeriodAndLocation): void;
}) {
  const { t } = useTranslation();
  const locations = useLocations();
  return (
    <Group gap="md" align="flex-end" mb="md">
      <DatePickerInput
        type="range"
        label={t('funnel.period')}
        valueFormat="DD.MM.YYYY"
        locale={currentLocale()}
        value={[value.from, value.to]}
        onChange={([from, to]) => from && to && onChange((p) => ({ ...p, from, to }))}
        allowSingleDateInRange
        w={250}
      />
      <Select
        label={t('funnel.location')}
        placeholder={t('funnel.allLocations')}
        data={(locations.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
        value={value.locationId ?? null}
        onChange={(id) => onChange((p) => ({ ...p, locationId: id ?? undefined }))}
        clearable
        w={220}
      />
    </Group>
  );
}
