import { ActionIcon, Group, Stack, Switch, Text, Tooltip } from '@mantine/core';
import { TimePicker } from '@mantine/dates';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { WEEKDAYS, type Weekday } from '@shared/org/enums';
import type { LocationValues } from './LocationForm';
import classes from './OpeningHoursEditor.module.css';

/** The shared schema allows up to four intervals a day, e.g. a lunch break splits the day in two. */
const MAX_INTERVALS = 4;
const DEFAULT_INTERVAL = { from: '09:00', to: '18:00' };

interface TimeFieldProps {
  form: UseFormReturnType<LocationValues>;
  path: string;
  label: string;
}

/** Always 24-hour time, whatever the browser's locale; the API expects "HH:MM". */
function TimeField({ form, path, label }: TimeFieldProps) {
  const { value, error, onFocus, onBlur } = form.getInputProps(path);
  return (
    <TimePicker
      aria-label={label}
      format="24h"
      size="sm"
      w={96}
      value={value as string}
      error={error as string | undefined}
      onFocus={onFocus}
      onBlur={onBlur}
      onChange={(next) => form.setFieldValue(path, next.slice(0, 5))}
    />
  );
}

export function OpeningHoursEditor({ form }: { form: UseFormReturnType<LocationValues> }) {
  const { t } = useTranslation();
  const hours = form.getValues().openingHours;

  function setOpen(day: Weekday, open: boolean) {
    form.setFieldValue(`openingHours.${day}`, open ? [{ ...DEFAULT_INTERVAL }] : []);
  }

  return (
    <Stack gap={6}>
      {WEEKDAYS.map((day) => {
        const intervals = hours[day];
        const dayLabel = t(`weekdays.${day}`);
        return (
          <div key={day} className={classes.row}>
            <Text fw={500} size="sm" className={classes.day}>
              {dayLabel}
            </Text>
            <Switch
              checked={intervals.length > 0}
              onChange={(event) => setOpen(day, event.currentTarget.checked)}
              label={intervals.length > 0 ? t('admin.locations.open') : t('admin.locations.closed')}
              aria-label={`${dayLabel}: ${t('admin.locations.open')}`}
              className={classes.toggle}
            />
            <Stack gap={6} className={classes.intervals}>
              {intervals.map((_, index) => (
                <Group key={index} gap="xs" wrap="nowrap" align="flex-start">
                  <TimeField
                    form={form}
                    path={`openingHours.${day}.${index}.from`}
                    label={`${dayLabel} ${t('admin.locations.from')}`}
                  />
                  <Text size="sm" c="dimmed" pt={8}>
                    {t('admin.locations.to')}
                  </Text>
                  <TimeField
                    form={form}
                    path={`openingHours.${day}.${index}.to`}
                    label={`${dayLabel} ${t('admin.locations.to')}`}
                  />
                  <Tooltip label={t('admin.locations.removeInterval')}>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      mt={6}
                      onClick={() => form.removeListItem(`openingHours.${day}`, index)}
                      aria-label={`${dayLabel}: ${t('admin.locations.removeInterval')}`}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                  {index === intervals.length - 1 && intervals.length < MAX_INTERVALS && (
                    <Tooltip label={t('admin.locations.addInterval')}>
                      <ActionIcon
                        variant="subtle"
                        mt={6}
                        onClick={() => form.insertListItem(`openingHours.${day}`, { from: '', to: '' })}
                        aria-label={`${dayLabel}: ${t('admin.locations.addInterval')}`}
                      >
                        <IconPlus size={16} />
                      </ActionIcon>
                    </Tooltip>
                  )}
                </Group>
              ))}
            </Stack>
          </div>
        );
      })}
    </Stack>
  );
}
