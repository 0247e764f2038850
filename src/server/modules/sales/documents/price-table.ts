import type { OfferContent, OfferFigures } from '@shared/sales/offer-content';
import { formatEuro, formatKm, formatPercent } from '@shared/sales/format';
import { VAT_RATE_BASIS_POINTS } from '@shared/sales/enums';
import { type Letter, type Row, table } from '@server/modules/documents';

const LINE_KIND: Record<string, string> = {
  option: 'Sonderausstattung',
  accessory: 'Zubehör',
  transfer: 'Überführung',
  registration: 'Zulassung',
  other: 'Sonstiges',
};

/** "19 %" (whole percents without decimals). */
const vatRate =
  VAT_RATE_BASIS_POINTS % 100 === 0 ? `${VAT_RATE_BASIS_POINTS / 100} %` : formatPercent(VAT_RATE_BASIS_POINTS);

export const vehicleName = (v: OfferContent['vehicle']) => [v.make, v.model, v.variant].filter(Boolean).join(' ');

/** The car's details under its name: VIN, first registration, mileage. */
export function vehicleDetails(v: OfferContent['vehicle']): string {
  return [
    v.vin && `FIN: ${v.vin}`,
    v.firstRegistration && `Erstzulassung: ${v.firstRegistration.split('-').reverse().join('.')}`,
    v.mileageKm !== undefined && `Kilometerstand: ${formatKm(v.mileageKm)}`,
  ]
    .filter(Boolean)
    .join(' · ');
}

/**
 * The price from list price to what the customer pays: lines, discount, gross with the VAT in
 * it, trade-in. Amounts are the figures stored with the offer, so every document shows the same cents.
 */
export function priceTable(letter: Letter, content: OfferContent, figures: OfferFigures): void {
  const v = content.vehicle;
  const details = vehicleDetails(v);
  const rows: Row[] = [{ cells: ['Fahrzeug', `${vehicleName(v)} (Listenpreis)`, formatEuro(v.listPriceCents)] }];
  if (details) rows.push({ cells: ['', details, ''], muted: true });
  for (const line of content.lines) {
    rows.push({ cells: [LINE_KIND[line.kind] ?? line.kind, line.label, formatEuro(line.priceCents)] });
  }
  if (content.discountCents > 0)
    rows.push({ cells: ['Nachlass', 'Preisnachlass', formatEuro(-content.discountCents)] });
  rows.push({ cells: ['', 'Gesamtpreis inkl. MwSt.', formatEuro(figures.grossCents)], total: true });
  rows.push({ cells: ['', 'Nettobetrag', formatEuro(figures.netCents)], muted: true });
  rows.push({ cells: ['', `darin enthaltene MwSt. ${vatRate}`, formatEuro(figures.vatCents)], muted: true });
  if (content.tradeIn) {
    const t = content.tradeIn;
    const what = [
      `${t.make} ${t.model}`,
      t.plate && `Kennzeichen ${t.plate}`,
      t.vin && `FIN ${t.vin}`,
      t.mileageKm !== undefined && formatKm(t.mileageKm),
    ]
      .filter(Boolean)
      .join(', ');
    rows.push({ cells: ['Inzahlungnahme', `${what} (Schätzwert)`, formatEuro(-figures.tradeInCents)] });
  }
  rows.push({ cells: ['', 'Zu zahlender Betrag', formatEuro(figures.payableCents)], total: true });
  table(
    letter,
    [
      { header: 'Art', weight: 2.2 },
      { header: 'Beschreibung', weight: 6 },
      { header: 'Betrag', weight: 2.2, align: 'right' },
    ],
    rows,
  );
}
