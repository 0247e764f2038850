import { z } from 'zod';

/**
 * What an offer says, as the consultant entered it. Every amount is in euro cents
 * (integers): totals, VAT and rates are computed from these in exact integer
 * arithmetic (src/shared/sales/money.ts), never with binary floats.
 */
const cents = z.number().int().min(0).max(100_000_000_00);
const shortText = (max: number) => z.string().trim().max(max);

export const offerVehicleSchema = z.object({
  make: shortText(60).min(1),
  model: shortText(80).min(1),
  variant: shortText(120).optional(),
  vin: shortText(17).optional(),
  firstRegistration: z.string().date().optional(),
  mileageKm: z.number().int().min(0).max(2_000_000).optional(),
  listPriceCents: cents,
});

export const offerLineSchema = z.object({
  /** option (Sonderausstattung), accessory (Zubehör), transfer (Überführung), registration (Zulassung), other */
  kind: z.enum(['option', 'accessory', 'transfer', 'registration', 'other']),
  label: shortText(160).min(1),
  priceCents: cents,
});

export const tradeInSchema = z.object({
  make: shortText(60).min(1),
  model: shortText(80).min(1),
  vin: shortText(17).optional(),
  plate: shortText(16).optional(),
  mileageKm: z.number().int().min(0).max(2_000_000).optional(),
  appraisedValueCents: cents,
});

export const financingSchema = z.object({
  bank: shortText(120).optional(),
  downPaymentCents: cents,
  termMonths: z.number().int().min(6).max(120),
  /** Nominal annual interest rate (Sollzins) in basis points: 3.99 % = 399. */
  nominalRateBasisPoints: z.number().int().min(0).max(3000),
  balloonCents: cents.default(0),
});

export const leasingSchema = z.object({
  lessor: shortText(120).optional(),
  termMonths: z.number().int().min(6).max(120),
  mileagePerYearKm: z.number().int().min(1000).max(200_000),
  downPaymentCents: cents,
  monthlyRateCents: cents,
});

export const insuranceSchema = z.object({
  insurer: shortText(120).min(1),
  /** liability (Haftpflicht), partial (Teilkasko), comprehensive (Vollkasko) */
  type: z.enum(['liability', 'partial', 'comprehensive']),
  annualPremiumCents: cents,
});

export const offerContentSchema = z.object({
  vehicle: offerVehicleSchema,
  lines: z.array(offerLineSchema).max(60).default([]),
  discountCents: cents.default(0),
  tradeIn: tradeInSchema.optional(),
  financing: financingSchema.optional(),
  leasing: leasingSchema.optional(),
  insurance: insuranceSchema.optional(),
  /** Shown on the offer, verbatim. */
  remarks: shortText(4000).optional(),
});
export type OfferContent = z.infer<typeof offerContentSchema>;

/**
 * What an offer's figures come to, computed when it is saved (src/shared/sales/money.ts,
 * financing.ts) and stored with it, so the PDF, the list and the e-mail show the same cents.
 */
export interface OfferFigures {
  /** The car's list price plus options, accessories, transfer and registration, less the discount. */
  grossCents: number;
  netCents: number;
  /** 19 % of net, rounded half up to the cent; net + VAT = gross exactly. */
  vatCents: number;
  tradeInCents: number;
  /** gross − trade-in. */
  payableCents: number;
  loan?: {
    /** payable − down payment. */
    financedCents: number;
    downPaymentCents: number;
    termMonths: number;
    nominalRateBasisPoints: number;
    /** Effektiver Jahreszins as German consumer-credit rules (PAngV) show it, in basis points. */
    effectiveRateBasisPoints: number;
    monthlyRateCents: number;
    balloonCents: number;
    totalInterestCents: number;
    /** Down payment + all monthly rates + balloon: what the car costs financed. */
    totalCostCents: number;
  };
  leasing?: {
    termMonths: number;
    mileagePerYearKm: number;
    downPaymentCents: number;
    monthlyRateCents: number;
    totalCostCents: number;
  };
  insurance?: { annualPremiumCents: number };
}
