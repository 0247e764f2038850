import { formatEuro } from '@shared/sales/format';
import { currentLocale } from '@web/i18n';

/** Hours as people say them: "1,5" in German, "1.5" in English. */
export function formatHours(hours: number): string {
  return new Intl.NumberFormat(currentLocale() === 'en' ? 'en-GB' : 'de-DE', { maximumFractionDigits: 2 }).format(
    hours,
  );
}

export const euro = (cents: number) => formatEuro(cents);
