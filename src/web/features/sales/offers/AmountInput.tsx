import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatEuroInput, parseEuroInput } from '@shared/sales/money';

interface AmountInputProps {
  label: string;
  /** Cents; null while the field is empty or not an amount. */
  value: number | null;
  onChange(cents: number | null): void;
  error?: string;
  required?: boolean;
  description?: string;
}

/**
 * An amount typed the German way ("1.234,56"), held as cents. What the user types stays as
 * typed while they type; it is tidied ("1.234,56") when they leave the field.
 */
export function AmountInput({ label, value, onChange, error, required, description }: AmountInputProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(value === null ? '' : formatEuroInput(value));
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    // Take over a value set from outside, not the one this field just reported while typing.
    setShown(value);
    if (parseEuroInput(text) !== value) setText(value === null ? '' : formatEuroInput(value));
  }
  const parsed = parseEuroInput(text);
  const unreadable = text.trim() !== '' && parsed === null;
  return (
    <TextInput
      label={label}
      required={required}
      description={description}
      inputMode="decimal"
      rightSection="€"
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        onChange(parseEuroInput(event.currentTarget.value));
      }}
      onBlur={() => parsed !== null && setText(formatEuroInput(parsed))}
      error={unreadable ? t('offers.amountUnreadable') : error}
    />
  );
}
