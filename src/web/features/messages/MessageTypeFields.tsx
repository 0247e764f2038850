import { Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { INTERNAL_SUBJECTS, MESSAGE_CHANNELS, MESSAGE_SHORT_MAX, type MessageType } from '@shared/messages/enums';
import { requiredExtrasOf } from '@shared/messages/schemas';
import { DayField } from '@web/ui/date-fields';

export interface TypeFieldValues {
  internalSubject: string | null;
  checkName: string;
  checkDay: string;
  checkEntryId: string;
  blockReason: string;
  blockUntil: string;
  houseRule: string;
  channel: string | null;
}

export const EMPTY_TYPE_FIELDS: TypeFieldValues = {
  internalSubject: null,
  checkName: '',
  checkDay: '',
  checkEntryId: '',
  blockReason: '',
  blockUntil: '',
  houseRule: '',
  channel: null,
};

/** The extra fields of the chosen message type (R1.5); required ones are marked as such. */
export function MessageTypeFields({
  type,
  values,
  onChange,
}: {
  type: MessageType | null;
  values: TypeFieldValues;
  onChange: (patch: Partial<TypeFieldValues>) => void;
}) {
  const { t } = useTranslation();
  const required = new Set<string>(requiredExtrasOf(type));
  const text = (field: keyof TypeFieldValues, props: Record<string, unknown> = {}) => (
    <TextInput
      label={t(`messages.form.${field}`)}
      required={required.has(field)}
      maxLength={MESSAGE_SHORT_MAX}
      value={(values[field] as string) ?? ''}
      onChange={(e) => onChange({ [field]: e.currentTarget.value })}
      {...props}
    />
  );
  const day = (field: 'checkDay' | 'blockUntil', props: { description?: string } = {}) => (
    <DayField
      label={t(`messages.form.${field}`)}
      required={required.has(field)}
      clearable
      value={values[field]}
      onChange={(next) => onChange({ [field]: next })}
      {...props}
    />
  );
  switch (type) {
    case 'internal':
      return (
        <Select
          label={t('messages.form.internalSubject')}
          required
          data={INTERNAL_SUBJECTS.map((s) => ({ value: s, label: t(`messages.internalSubject.${s}`) }))}
          value={values.internalSubject}
          onChange={(v) => onChange({ internalSubject: v })}
        />
      );
    case 'daily_check':
      return (
        <>
          {text('checkName', { placeholder: t('messages.form.checkNamePlaceholder') })}
          {day('checkDay')}
          {text('checkEntryId')}
        </>
      );
    case 'block':
      return (
        <>
          {text('blockReason', { maxLength: 1000 })}
          {day('blockUntil', { description: t('messages.form.blockUntilHint') })}
        </>
      );
    case 'house_rules':
      return text('houseRule', { placeholder: t('messages.form.houseRulePlaceholder') });
    case 'complaint':
    case 'wish':
    case 'concern':
      return (
        <Select
          label={t('messages.form.channel')}
          required
          data={MESSAGE_CHANNELS.map((c) => ({ value: c, label: t(`messages.channel.${c}`) }))}
          value={values.channel}
          onChange={(v) => onChange({ channel: v })}
        />
      );
    default:
      return null;
  }
}
