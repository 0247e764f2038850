import { TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
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
  useEffect(() => {
    // Take over a value set from outside (a copied version), not the one this field just reported.
    if (parseEuroInput(text) !== value) setText(value === null ? '' : formatEuroInput(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
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
