import { parseRatePercent } from '@shared/sales/financing';
import type { OfferContent } from '@shared/sales/offer-content';

/*
 * The editor's state: what the user has typed so far. Amounts are cents or null (empty or
 * not yet readable); numbers of months, kilometres and the rate are numbers or ''.
 */

type Num = number | '';

export interface LineDraft {
  kind: OfferContent['lines'][number]['kind'];
  label: string;
  priceCents: number | null;
}

export interface OfferDraft {
  make: string;
  model: string;
  variant: string;
  vin: string;
  listPriceCents: number | null;
  lines: LineDraft[];
  discountCents: number | null;
  tradeIn: { on: boolean; make: string; model: string; plate: string; appraisedValueCents: number | null };
  financing: {
    on: boolean;
    bank: string;
    downPaymentCents: number | null;
    termMonths: Num;
    /** The nominal rate as typed in percent ("4,99"). */
    ratePercent: string;
    balloonCents: number | null;
  };
  leasing: {
    on: boolean;
    lessor: string;
    termMonths: Num;
    mileagePerYearKm: Num;
    downPaymentCents: number | null;
    monthlyRateCents: number | null;
  };
  insurance: {
    on: boolean;
    insurer: string;
    type: 'liability' | 'partial' | 'comprehensive';
    annualPremiumCents: number | null;
  };
  remarks: string;
  validUntil: string;
}

export const emptyLine = (): LineDraft => ({ kind: 'option', label: '', priceCents: null });

export const emptyDraft = (): OfferDraft => ({
  make: '',
  model: '',
  variant: '',
  vin: '',
  listPriceCents: null,
  lines: [],
  discountCents: null,
  tradeIn: { on: false, make: '', model: '', plate: '', appraisedValueCents: null },
  financing: { on: false, bank: '', downPaymentCents: 0, termMonths: 48, ratePercent: '', balloonCents: 0 },
  leasing: {
    on: false,
    lessor: '',
    termMonths: 36,
    mileagePerYearKm: 15_000,
    downPaymentCents: 0,
    monthlyRateCents: null,
  },
  insurance: { on: false, insurer: '', type: 'comprehensive', annualPremiumCents: null },
  remarks: '',
  validUntil: '',
});

const opt = (text: string) => (text.trim() === '' ? undefined : text.trim());
const num = (value: Num) => (value === '' ? Number.NaN : value);

/** The content as the server's schema reads it; empty amounts count as 0 (the schema checks what is required). */
export function contentOf(d: OfferDraft): OfferContent {
  return {
    vehicle: {
      make: d.make.trim(),
      model: d.model.trim(),
      variant: opt(d.variant),
      vin: opt(d.vin),
      listPriceCents: d.listPriceCents ?? 0,
    },
    lines: d.lines.map((line) => ({ kind: line.kind, label: line.label.trim(), priceCents: line.priceCents ?? 0 })),
    discountCents: d.discountCents ?? 0,
    tradeIn: d.tradeIn.on
      ? {
          make: d.tradeIn.make.trim(),
          model: d.tradeIn.model.trim(),
          plate: opt(d.tradeIn.plate),
          appraisedValueCents: d.tradeIn.appraisedValueCents ?? 0,
        }
      : undefined,
    financing: d.financing.on
      ? {
          bank: opt(d.financing.bank),
          downPaymentCents: d.financing.downPaymentCents ?? 0,
          termMonths: num(d.financing.termMonths),
          nominalRateBasisPoints: parseRatePercent(d.financing.ratePercent) ?? Number.NaN,
          balloonCents: d.financing.balloonCents ?? 0,
        }
      : undefined,
    leasing: d.leasing.on
      ? {
          lessor: opt(d.leasing.lessor),
          termMonths: num(d.leasing.termMonths),
          mileagePerYearKm: num(d.leasing.mileagePerYearKm),
          downPaymentCents: d.leasing.downPaymentCents ?? 0,
          monthlyRateCents: d.leasing.monthlyRateCents ?? 0,
        }
      : undefined,
    insurance: d.insurance.on
      ? {
          insurer: d.insurance.insurer.trim(),
          type: d.insurance.type,
          annualPremiumCents: d.insurance.annualPremiumCents ?? 0,
        }
      : undefined,
    remarks: opt(d.remarks),
  };
}

/** A saved version's content as a draft, to start the next version from it. */
export function draftOf(c: OfferContent): OfferDraft {
  const empty = emptyDraft();
  return {
    ...empty,
    make: c.vehicle.make,
    model: c.vehicle.model,
    variant: c.vehicle.variant ?? '',
    vin: c.vehicle.vin ?? '',
    listPriceCents: c.vehicle.listPriceCents,
    lines: c.lines.map((l) => ({ ...l })),
    discountCents: c.discountCents,
    tradeIn: c.tradeIn
      ? {
          on: true,
          make: c.tradeIn.make,
          model: c.tradeIn.model,
          plate: c.tradeIn.plate ?? '',
          appraisedValueCents: c.tradeIn.appraisedValueCents,
        }
      : empty.tradeIn,
    financing: c.financing
      ? {
          on: true,
          bank: c.financing.bank ?? '',
          downPaymentCents: c.financing.downPaymentCents,
          termMonths: c.financing.termMonths,
          ratePercent: (c.financing.nominalRateBasisPoints / 100).toFixed(2).replace('.', ','),
          balloonCents: c.financing.balloonCents,
        }
      : empty.financing,
    leasing: c.leasing ? { on: true, ...c.leasing, lessor: c.leasing.lessor ?? '' } : empty.leasing,
    insurance: c.insurance ? { on: true, ...c.insurance } : empty.insurance,
    remarks: c.remarks ?? '',
  };
}
