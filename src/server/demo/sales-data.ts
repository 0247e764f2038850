import type { OfferContent } from '@shared/sales/offer-content';
import type { LostReason } from '@shared/sales/enums';

/** A German IBAN from bank code and account number, with its ISO 7064 check digits (mod 97). */
export function germanIban(bankCode: string, account: string): string {
  const bban = `${bankCode}${account.padStart(10, '0')}`;
  const rearranged = `${bban}131400`; // D=13, E=14, check digits 00
  let rest = 0;
  for (const digit of rearranged) rest = (rest * 10 + Number(digit)) % 97;
  return `DE${String(98 - rest).padStart(2, '0')}${bban}`;
}

/** The letterhead of each demo house, by location code: fictitious register data, valid formats. */
export const DEMO_LETTERHEADS: Record<
  string,
  {
    company: string;
    court: string;
    register: string;
    vatId: string;
    bank: string;
    blz: string;
    account: string;
    bic: string;
  }
> = {
  MUC: {
    company: 'Autohaus Bergmann München GmbH',
    court: 'Amtsgericht München',
    register: 'HRB 248113',
    vatId: 'DE284517936',
    bank: 'Stadtsparkasse München',
    blz: '70150000',
    account: '1002345678',
    bic: 'SSKMDEMMXXX',
  },
  CGN: {
    company: 'Autohaus Bergmann Köln GmbH',
    court: 'Amtsgericht Köln',
    register: 'HRB 91527',
    vatId: 'DE301846275',
    bank: 'Sparkasse KölnBonn',
    blz: '37050198',
    account: '2004567811',
    bic: 'COLSDE33XXX',
  },
  LEJ: {
    company: 'Autohaus Bergmann Leipzig GmbH',
    court: 'Amtsgericht Leipzig',
    register: 'HRB 37904',
    vatId: 'DE317294058',
    bank: 'Sparkasse Leipzig',
    blz: '86055592',
    account: '1100987654',
    bic: 'WELADE8LXXX',
  },
};

/** Plate prefix of each house's city. */
export const CITY_PLATE: Record<string, string> = { MUC: 'M', CGN: 'K', LEJ: 'L' };

/** The demo cars (Vorführwagen) each house keeps; Leipzig has three. */
export const DEMO_CARS: Record<string, Array<{ make: string; model: string; variant: string; km: number }>> = {
  MUC: [
    { make: 'Volkswagen', model: 'ID.4', variant: 'Pro 77 kWh', km: 8_420 },
    { make: 'Volkswagen', model: 'Golf', variant: '1.5 eTSI Life', km: 5_130 },
    { make: 'Skoda', model: 'Octavia Combi', variant: '2.0 TDI Style', km: 11_870 },
    { make: 'Audi', model: 'Q4 e-tron', variant: '45 quattro', km: 3_960 },
  ],
  CGN: [
    { make: 'Ford', model: 'Kuga', variant: '2.5 PHEV Titanium', km: 9_250 },
    { make: 'Ford', model: 'Puma', variant: '1.0 EcoBoost ST-Line', km: 4_410 },
    { make: 'Hyundai', model: 'Tucson', variant: '1.6 T-GDI Hybrid', km: 7_020 },
    { make: 'Hyundai', model: 'Ioniq 5', variant: '77 kWh Techniq', km: 12_300 },
  ],
  LEJ: [
    { make: 'Opel', model: 'Astra', variant: '1.2 Turbo GS', km: 6_780 },
    { make: 'Opel', model: 'Grandland', variant: 'Electric GS', km: 2_150 },
    { make: 'Volvo', model: 'XC40', variant: 'B3 Plus', km: 10_440 },
  ],
};

/** Prices of the cars on offer (list price, gross cents). */
export const LIST_PRICES: Record<string, number> = {
  'ID.4': 4_699_000,
  Golf: 3_379_500,
  'Octavia Combi': 3_951_000,
  'Q4 e-tron': 5_490_000,
  Kuga: 4_415_000,
  Puma: 2_989_000,
  Tucson: 4_189_000,
  'Ioniq 5': 4_990_000,
  Astra: 3_145_000,
  Grandland: 4_689_000,
  XC40: 4_620_000,
};

/** Why the demo's lost opportunities were lost; bought elsewhere names the brand. */
export const LOST: Array<{ reason: LostReason; brand: string | null; note: string }> = [
  { reason: 'bought_elsewhere', brand: 'Toyota', note: 'Hat beim Wettbewerber einen RAV4 gekauft, Lieferzeit kürzer.' },
  { reason: 'price', brand: null, note: 'Rate 40 € über seinem Budget, Nachlass nicht möglich.' },
  { reason: 'financing_declined', brand: null, note: 'Bank hat die Finanzierung abgelehnt.' },
  { reason: 'bought_elsewhere', brand: 'Tesla', note: 'Model Y online bestellt.' },
  { reason: 'no_longer_interested', brand: null, note: 'Behält den alten Wagen noch zwei Jahre.' },
  { reason: 'unreachable', brand: null, note: 'Drei Anrufe und eine E-Mail ohne Antwort.' },
];

/** The extras an offer lists: transfer and registration always, some options. */
export function offerLines(seed: number): OfferContent['lines'] {
  const lines: OfferContent['lines'] = [
    { kind: 'transfer', label: 'Überführung', priceCents: 99_000 },
    { kind: 'registration', label: 'Zulassung inkl. Kennzeichen', priceCents: 19_900 },
  ];
  if (seed % 2 === 0)
    lines.push({ kind: 'option', label: 'Winterpaket (Sitz- und Lenkradheizung)', priceCents: 69_000 });
  if (seed % 3 === 0) lines.push({ kind: 'accessory', label: 'Kompletträder Winter 17"', priceCents: 139_900 });
  return lines;
}

/** How an offer is paid, by position: cash, loan, leasing, loan with insurance … */
export function offerPayment(seed: number, payable: number): Partial<OfferContent> {
  switch (seed % 4) {
    case 1:
      return {
        financing: {
          bank: 'Autobank Finanz',
          downPaymentCents: Math.round(payable / 5 / 100) * 100,
          termMonths: 48,
          nominalRateBasisPoints: 399,
          balloonCents: Math.round(payable / 3 / 100) * 100,
        },
      };
    case 2:
      return {
        leasing: {
          lessor: 'Bergmann Leasing',
          termMonths: 36,
          mileagePerYearKm: 15_000,
          downPaymentCents: 250_000,
          monthlyRateCents: Math.round(payable / 90 / 100) * 100 + 99,
        },
        insurance: { insurer: 'Allianz', type: 'comprehensive', annualPremiumCents: 84_360 },
      };
    case 3:
      return {
        financing: {
          bank: 'Autobank Finanz',
          downPaymentCents: 500_000,
          termMonths: 60,
          nominalRateBasisPoints: 499,
          balloonCents: 0,
        },
        insurance: { insurer: 'HUK-COBURG', type: 'partial', annualPremiumCents: 51_240 },
      };
    default:
      return {};
  }
}
