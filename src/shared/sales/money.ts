import { VAT_RATE_BASIS_POINTS } from './enums';
import type { OfferContent } from './offer-content';
import { formatEuro as formatDocumentEuro } from './format';

/*
 * Money is integer euro cents. Sums are exact in JS numbers (far below 2^53); the one
 * division — gross to net — is done in BigInt so no product of two amounts ever loses a cent.
 */

/** A rule of the offer's figures broken by its content: which field and why. */
export class OfferFigureError extends Error {
  constructor(
    /** The field's path in the request body, e.g. "content.discountCents". */
    readonly field: string,
    readonly code: 'discount_exceeds_price' | 'down_payment_exceeds_price' | 'balloon_exceeds_financed',
    readonly params: { maxCents: number },
    message: string,
  ) {
    super(message);
    this.name = 'OfferFigureError';
  }
}

/** a / b rounded half up, for a ≥ 0 and b > 0, exactly. */
export function divideHalfUp(a: bigint, b: bigint): bigint {
  return (2n * a + b) / (2n * b);
}

/** The net part of a gross amount at 19 % VAT, rounded half up to the cent: gross · 10000 / 11900. */
export function netOfGross(grossCents: number): number {
  const base = 10_000n;
  return Number(divideHalfUp(BigInt(grossCents) * base, base + BigInt(VAT_RATE_BASIS_POINTS)));
}

export interface OfferTotals {
  /** List price plus every line, before the discount. */
  subtotalCents: number;
  discountCents: number;
  grossCents: number;
  netCents: number;
  vatCents: number;
  tradeInCents: number;
  payableCents: number;
}

type TotalsInput = Pick<OfferContent, 'vehicle' | 'lines' | 'discountCents' | 'tradeIn'>;

/**
 * What the car costs as offered: gross = list price + lines − discount; net and VAT split the
 * gross so that net + VAT = gross exactly; payable = gross − trade-in (never below zero: a
 * trade-in worth more than the car is paid out, which the offer shows as a payable of 0).
 */
export function offerTotals(content: TotalsInput): OfferTotals {
  const subtotalCents = (content.lines ?? []).reduce(
    (sum, line) => sum + line.priceCents,
    content.vehicle.listPriceCents,
  );
  const discountCents = content.discountCents ?? 0;
  if (discountCents > subtotalCents) {
    throw new OfferFigureError(
      'content.discountCents',
      'discount_exceeds_price',
      { maxCents: subtotalCents },
      `the discount cannot exceed the price with its lines (${formatEuro(subtotalCents)})`,
    );
  }
  const grossCents = subtotalCents - discountCents;
  const netCents = netOfGross(grossCents);
  const tradeInCents = content.tradeIn?.appraisedValueCents ?? 0;
  return {
    subtotalCents,
    discountCents,
    grossCents,
    netCents,
    vatCents: grossCents - netCents,
    tradeInCents,
    payableCents: Math.max(0, grossCents - tradeInCents),
  };
}

/**
 * Cents as German money on screen: 123456 → "1.234,56 €", −5 → "−0,05 €". The digits are the
 * documents' formatter's (src/shared/sales/format.ts); only the sign differs: a screen shows the
 * typographic minus, which the PDFs' standard fonts cannot print.
 */
export function formatEuro(cents: number): string {
  return formatDocumentEuro(Math.trunc(cents)).replace(/^-/, '−');
}

/** "1.234,56", "1234,5", "1234", "1 234,56 €" → cents; null when it is not an amount (no rounding: at most 2 decimals). */
export function parseEuroInput(text: string): number | null {
  const cleaned = text.replace(/€/g, '').replace(/[\s\u00a0\u202f]/g, '');
  if (cleaned === '') return null;
  const match = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const euros = Number(match[1]!.replace(/\./g, ''));
  const fraction = (match[2] ?? '').padEnd(2, '0');
  const cents = euros * 100 + Number(fraction);
  return Number.isSafeInteger(cents) ? cents : null;
}

/** Cents as they are typed into an amount field: 123456 → "1.234,56" (no currency sign). */
export function formatEuroInput(cents: number): string {
  return formatEuro(cents).replace(/ €$/, '');
}
