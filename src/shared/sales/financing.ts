import { formatEuro, OfferFigureError, offerTotals } from './money';
import type { OfferContent, OfferFigures } from './offer-content';

/*
 * Loan figures as a German consumer-credit offer shows them (PAngV § 6, Directive 2008/48/EC
 * Annex I). Amounts are cents; the monthly rate comes from the annuity formula in floating point
 * and is then rounded half up to the cent, and everything after it (interest, total cost, the
 * effective rate) is computed from that rounded rate — what the customer actually pays.
 */

export interface LoanInput {
  /** What is financed: the payable price less the down payment. */
  financedCents: number;
  termMonths: number;
  nominalRateBasisPoints: number;
  balloonCents: number;
}

/** Rounds a non-negative amount of cents half up; the nudge keeps x.5 that floating point wrote as x.4999… from rounding down. */
const roundCents = (cents: number) => Math.floor(cents + 0.5 + 1e-9);

/**
 * The monthly rate of an annuity loan with a final balloon payment:
 * rate = (P − B/(1+i)^n) · i / (1 − (1+i)^−n), i = nominal/12; without interest (P − B)/n.
 */
export function monthlyRateCents({
  financedCents,
  termMonths,
  nominalRateBasisPoints,
  balloonCents,
}: LoanInput): number {
  const i = nominalRateBasisPoints / 10_000 / 12;
  if (i === 0) return roundCents((financedCents - balloonCents) / termMonths);
  const growth = (1 + i) ** termMonths;
  return roundCents(((financedCents - balloonCents / growth) * i) / (1 - 1 / growth));
}

/**
 * The effective annual rate: the r at which the loan paid out today equals the present value of
 * every rate and the balloon, month k discounted by (1+r)^(k/12). Found by bisection (the present
 * value falls as r rises, so it cannot miss); answered in basis points, i.e. rounded to 2 decimals
 * of a percent.
 */
export function effectiveRateBasisPoints(loan: LoanInput, rateCents: number): number {
  const { financedCents, termMonths, balloonCents } = loan;
  if (financedCents <= 0) return 0;
  const presentValue = (r: number) => {
    const monthly = (1 + r) ** (1 / 12);
    let sum = 0;
    let factor = 1;
    for (let k = 1; k <= termMonths; k++) {
      factor /= monthly;
      sum += rateCents * factor;
    }
    return sum + balloonCents * factor;
  };
  // Paying back no more than was lent: no interest at all (or the rounding of a 0 % rate).
  if (presentValue(0) <= financedCents) return 0;
  let low = 0;
  let high = 1;
  while (presentValue(high) > financedCents && high < 1e6) high *= 2;
  for (let step = 0; step < 200 && high - low > 1e-12; step++) {
    const middle = (low + high) / 2;
    if (presentValue(middle) > financedCents) low = middle;
    else high = middle;
  }
  return Math.round(((low + high) / 2) * 10_000);
}

export type LoanFigures = NonNullable<OfferFigures['loan']>;

/** Everything a loan comes to, from the price it finances. Refuses a down payment or balloon the price does not cover. */
export function loanFigures(payableCents: number, financing: NonNullable<OfferContent['financing']>): LoanFigures {
  const { downPaymentCents, termMonths, nominalRateBasisPoints } = financing;
  const balloonCents = financing.balloonCents ?? 0;
  if (downPaymentCents >= payableCents) {
    throw new OfferFigureError(
      'content.financing.downPaymentCents',
      'down_payment_exceeds_price',
      { maxCents: Math.max(0, payableCents - 1) },
      `the down payment must be less than the price to pay (${formatEuro(payableCents)})`,
    );
  }
  const financedCents = payableCents - downPaymentCents;
  if (balloonCents >= financedCents) {
    throw new OfferFigureError(
      'content.financing.balloonCents',
      'balloon_exceeds_financed',
      { maxCents: financedCents - 1 },
      `the final payment must be less than the amount financed (${formatEuro(financedCents)})`,
    );
  }
  const loan = { financedCents, termMonths, nominalRateBasisPoints, balloonCents };
  const rate = monthlyRateCents(loan);
  const repaidCents = rate * termMonths + balloonCents;
  return {
    financedCents,
    downPaymentCents,
    termMonths,
    nominalRateBasisPoints,
    effectiveRateBasisPoints: effectiveRateBasisPoints(loan, rate),
    monthlyRateCents: rate,
    balloonCents,
    totalInterestCents: repaidCents - financedCents,
    totalCostCents: downPaymentCents + repaidCents,
  };
}

/** All figures of an offer's content: totals, loan, leasing and insurance. Throws OfferFigureError naming the field. */
export function offerFigures(content: OfferContent): OfferFigures {
  const totals = offerTotals(content);
  const figures: OfferFigures = {
    grossCents: totals.grossCents,
    netCents: totals.netCents,
    vatCents: totals.vatCents,
    tradeInCents: totals.tradeInCents,
    payableCents: totals.payableCents,
  };
  if (content.financing) figures.loan = loanFigures(totals.payableCents, content.financing);
  if (content.leasing) {
    const { termMonths, mileagePerYearKm, downPaymentCents, monthlyRateCents: rate } = content.leasing;
    figures.leasing = {
      termMonths,
      mileagePerYearKm,
      downPaymentCents,
      monthlyRateCents: rate,
      totalCostCents: downPaymentCents + termMonths * rate,
    };
  }
  if (content.insurance) figures.insurance = { annualPremiumCents: content.insurance.annualPremiumCents };
  return figures;
}

/** The monthly rate an offer's list shows: the loan's, else the leasing's. */
export const headlineMonthlyRate = (figures: OfferFigures): number | null =>
  figures.loan?.monthlyRateCents ?? figures.leasing?.monthlyRateCents ?? null;

/** A rate as typed, "4,99" or "4.99 %" → 499 basis points; null when it is not a rate with at most two decimals. */
export function parseRatePercent(text: string): number | null {
  const match = /^\s*(\d{1,2})(?:[,.](\d{1,2}))?\s*%?\s*$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}
