/*
 * German formatting of what sales documents and pages show: amounts from integer cents
 * (no binary floats on the way), rates from basis points, dates in Europe/Berlin.
 */

const TIME_ZONE = 'Europe/Berlin';

/** 123456 → "1.234", with German thousands dots. */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** 123456 cents → "1.234,56 €"; negative amounts get a minus sign: "-500,00 €". */
export function formatEuro(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`not an amount in cents: ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const euros = Math.floor(abs / 100);
  const rest = String(abs % 100).padStart(2, '0');
  return `${sign}${groupThousands(String(euros))},${rest} €`;
}

/** 399 basis points → "3,99 %". */
export function formatPercent(basisPoints: number): string {
  const abs = Math.abs(basisPoints);
  return `${basisPoints < 0 ? '-' : ''}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')} %`;
}

/** 15000 → "15.000 km". */
export const formatKm = (km: number) => `${groupThousands(String(km))} km`;

const dateParts = new Intl.DateTimeFormat('de-DE', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const timeParts = new Intl.DateTimeFormat('de-DE', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' });

/** An instant or a calendar day ("2026-12-03") → "03.12.2026" (the instant's day in Berlin). */
export function formatGermanDate(value: Date | string): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-');
    return `${d}.${m}.${y}`;
  }
  return dateParts.format(typeof value === 'string' ? new Date(value) : value);
}

/** An instant → "03.12.2026, 14:30 Uhr" in Berlin time. */
export function formatGermanDateTime(value: Date): string {
  return `${formatGermanDate(value)}, ${timeParts.format(value)} Uhr`;
}

/** An instant → "14:30" in Berlin time. */
export const formatGermanTime = (value: Date) => timeParts.format(value);
