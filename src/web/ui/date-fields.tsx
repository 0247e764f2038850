import 'dayjs/locale/de';
import { Group } from '@mantine/core';
import { DateInput, TimePicker, type DateInputProps } from '@mantine/dates';
import type { FocusEventHandler, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '@web/i18n';

type DayFieldProps = Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'locale'> & {
  /** The calendar day as the API takes it, YYYY-MM-DD; '' (or null) when empty. */
  value?: string | null;
  /** Called with YYYY-MM-DD, or '' when the field was cleared. */
  onChange(day: string): void;
};

/**
 * A calendar day typed the German way ("31.12.2027") or picked from the calendar;
 * the value stays the plain YYYY-MM-DD string the forms always sent.
 */
export function DayField({ value, onChange, ...props }: DayFieldProps) {
  return (
    <DateInput
      valueFormat="DD.MM.YYYY"
      locale={currentLocale()}
      value={value || null}
      onChange={(day) => onChange(day ?? '')}
      {...props}
    />
  );
}

/** "2027-12-31" + "14:30" in the shape of an <input type="datetime-local"> value; half of it stays visible. */
export function joinLocal(day: string, time: string): string {
  return day || time ? `${day}T${time}` : '';
}

export function splitLocal(value: string): { day: string; time: string } {
  const [day = '', time = ''] = value.split('T');
  return { day, time: time.slice(0, 5) };
}

/** A value with the day or the time missing: sending it would silently drop what the user typed. */
export function isHalfFilled(value: string): boolean {
  const { day, time } = splitLocal(value);
  return Boolean(day) !== Boolean(time);
}

/** The value when both halves are there, '' otherwise. */
export function completeLocal(value: string): string {
  const { day, time } = splitLocal(value);
  return day && time ? `${day}T${time}` : '';
}

interface DayTimeFieldsProps {
  /** The day field's label; the time field is named after it ("Rückruf gewünscht ab, Uhrzeit"). */
  label: string;
  /** YYYY-MM-DDTHH:mm (Berlin wall-clock time), '' when empty, or one half while the user types. */
  value: string;
  onChange(value: string): void;
  error?: ReactNode;
  description?: ReactNode;
  size?: DateInputProps['size'];
  withAsterisk?: boolean;
  clearable?: boolean;
  onBlur?: FocusEventHandler<HTMLElement>;
}

/**
 * A moment as a day field plus a time field: both can be typed without opening a
 * popover, which a receptionist with a caller on the line needs.
 */
export function DayTimeFields({
  label,
  value,
  onChange,
  error,
  description,
  size,
  withAsterisk,
  clearable = true,
  onBlur,
}: DayTimeFieldsProps) {
  const { t } = useTranslation();
  const { day, time } = splitLocal(value);
  return (
    <Group gap={6} align="flex-start" wrap="nowrap">
      <DayField
        size={size}
        label={label}
        description={description}
        withAsterisk={withAsterisk}
        clearable={clearable}
        value={day}
        error={error}
        onBlur={onBlur}
        onChange={(next) => onChange(joinLocal(next, time))}
        style={{ flex: '1 1 8.5rem', minWidth: 0 }}
      />
      {/* Not the browser's time input: that one shows "02:00 PM" in an English browser. */}
      <TimePicker
        size={size}
        format="24h"
        label={t('common.time')}
        hoursInputLabel={t('common.timeOf', { field: label })}
        minutesInputLabel={t('common.minutesOf', { field: label })}
        // The description sits under the day's label; an empty one keeps both fields on one line.
        description={description ? '\u00a0' : undefined}
        value={time}
        error={Boolean(error)}
        onBlur={onBlur}
        onChange={(next) => onChange(joinLocal(day, next.slice(0, 5)))}
        style={{ flex: '0 0 5.5rem' }}
      />
    </Group>
  );
}
