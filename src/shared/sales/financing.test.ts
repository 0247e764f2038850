import { describe, expect, it } from 'vitest';
import { effectiveRateBasisPoints, loanFigures, monthlyRateCents, offerFigures, parseRatePercent } from './financing';
import { OfferFigureError } from './money';

/*
 * Expected values were computed independently in 50-digit decimal arithmetic (the annuity
 * formula rounded half up; the effective rate as the monthly internal rate m found by bisection,
 * annualised as (1+m)^12 − 1). The tests also check the rate against a month-by-month repayment
 * plan, a different algorithm than the formula under test.
 */

/** What is left of the loan after paying `rate` every month for n months at the nominal rate (no formula, just the plan). */
function balanceAfter(financedCents: number, n: number, basisPoints: number, rate: number): number {
  let balance = financedCents;
  for (let month = 0; month < n; month++) balance = balance * (1 + basisPoints / 120_000) - rate;
  return balance;
}

/** The exact rate that leaves the balloon at the end, found by bisection over the repayment plan, rounded half up. */
function rateByRepaymentPlan(financedCents: number, n: number, basisPoints: number, balloonCents: number): number {
  let low = 0;
  let high = financedCents;
  for (let step = 0; step < 200; step++) {
    const middle = (low + high) / 2;
    if (balanceAfter(financedCents, n, basisPoints, middle) > balloonCents) low = middle;
    else high = middle;
  }
  return Math.round(low);
}

const WORKED = [
  // financed, months, nominal bp, balloon → monthly rate, effective bp, total interest
  { financed: 2_000_000, n: 48, bp: 499, balloon: 0, rate: 46_050, effective: 511, interest: 210_400 }, // 5.1063 %
  { financed: 2_000_000, n: 48, bp: 499, balloon: 800_000, rate: 30_956, effective: 511, interest: 285_888 }, // 5.1054 %
  { financed: 1_234_567, n: 60, bp: 399, balloon: 0, rate: 22_731, effective: 406, interest: 129_293 }, // 4.0640 %
  { financed: 3_000_000, n: 36, bp: 299, balloon: 1_200_000, rate: 55_328, effective: 303, interest: 191_808 }, // 3.0312 %
  { financed: 1_000_000, n: 12, bp: 1200, balloon: 0, rate: 88_849, effective: 1268, interest: 66_188 }, // 12.6830 %
  { financed: 2_500_000, n: 72, bp: 699, balloon: 500_000, rate: 37_001, effective: 722, interest: 664_072 }, // 7.2184 %
];

describe('a loan', () => {
  it.each(WORKED)(
    '$financed ct over $n months at $bp bp with a balloon of $balloon ct costs $rate ct a month',
    ({ financed, n, bp, balloon, rate, effective, interest }) => {
      const loan = { financedCents: financed, termMonths: n, nominalRateBasisPoints: bp, balloonCents: balloon };
      expect(monthlyRateCents(loan)).toBe(rate);
      expect(rateByRepaymentPlan(financed, n, bp, balloon)).toBe(rate);
      expect(effectiveRateBasisPoints(loan, rate)).toBe(effective);
      const figures = loanFigures(financed + 300_000, {
        downPaymentCents: 300_000,
        termMonths: n,
        nominalRateBasisPoints: bp,
        balloonCents: balloon,
      });
      expect(figures).toMatchObject({ financedCents: financed, monthlyRateCents: rate, totalInterestCents: interest });
      expect(figures.totalCostCents).toBe(300_000 + n * rate + balloon);
    },
  );

  it('shows 20,000 € at 4.99 % over 48 months as 460,50 € a month and 5,11 % effective', () => {
    const figures = loanFigures(2_000_000, {
      downPaymentCents: 0,
      termMonths: 48,
      nominalRateBasisPoints: 499,
      balloonCents: 0,
    });
    expect(figures).toEqual({
      financedCents: 2_000_000,
      downPaymentCents: 0,
      termMonths: 48,
      nominalRateBasisPoints: 499,
      effectiveRateBasisPoints: 511,
      monthlyRateCents: 46_050,
      balloonCents: 0,
      totalInterestCents: 210_400,
      totalCostCents: 2_210_400,
    });
  });

  it('divides a 0 % loan evenly, rounding the rate half up, and shows 0,00 % effective', () => {
    // 20,000 € / 36 = 555.555… → 555.56 €; the rounding costs 16 ct over the term, 0.0005 % → 0.00 %.
    const figures = loanFigures(2_000_000, {
      downPaymentCents: 0,
      termMonths: 36,
      nominalRateBasisPoints: 0,
      balloonCents: 0,
    });
    expect(figures.monthlyRateCents).toBe(55_556);
    expect(figures.effectiveRateBasisPoints).toBe(0);
    expect(figures.totalInterestCents).toBe(16);
    // With a balloon: (10,000 − 4,000) / 24 = 250.00 € exactly, no interest.
    const balloon = loanFigures(1_000_000, {
      downPaymentCents: 0,
      termMonths: 24,
      nominalRateBasisPoints: 0,
      balloonCents: 400_000,
    });
    expect(balloon).toMatchObject({ monthlyRateCents: 25_000, totalInterestCents: 0, effectiveRateBasisPoints: 0 });
  });

  it('refuses a down payment that covers the price and a balloon that covers the loan, naming the field', () => {
    const financing = { downPaymentCents: 1_000_000, termMonths: 24, nominalRateBasisPoints: 399, balloonCents: 0 };
    expect(() => loanFigures(1_000_000, financing)).toThrow(
      expect.objectContaining({ field: 'content.financing.downPaymentCents', code: 'down_payment_exceeds_price' }),
    );
    expect(() => loanFigures(1_000_000, { ...financing, downPaymentCents: 0, balloonCents: 1_000_000 })).toThrow(
      OfferFigureError,
    );
  });
});

describe('an offer with every part', () => {
  it('computes totals, the loan on the payable price, leasing and insurance', () => {
    const figures = offerFigures({
      vehicle: { make: 'Hyundai', model: 'Tucson', listPriceCents: 3_599_000 },
      lines: [{ kind: 'transfer', label: 'Überführung', priceCents: 99_001 }],
      discountCents: 198_001,
      tradeIn: { make: 'Kia', model: 'Ceed', appraisedValueCents: 500_000 },
      financing: { downPaymentCents: 500_000, termMonths: 48, nominalRateBasisPoints: 499, balloonCents: 0 },
      leasing: { termMonths: 36, mileagePerYearKm: 15_000, downPaymentCents: 200_000, monthlyRateCents: 34_999 },
      insurance: { insurer: 'Allianz', type: 'comprehensive', annualPremiumCents: 89_950 },
    });
    // gross 35,990 + 990.01 − 1,980.01 = 35,000.00 €; net 29,411.76 (29,411.764…), VAT 5,588.24; payable 30,000 €;
    // financed 25,000 € at 4.99 % over 48 months = 575.62 € (575.619… by the formula).
    expect(figures).toMatchObject({
      grossCents: 3_500_000,
      netCents: 2_941_176,
      vatCents: 558_824,
      tradeInCents: 500_000,
      payableCents: 3_000_000,
      loan: { financedCents: 2_500_000, monthlyRateCents: 57_562, totalCostCents: 500_000 + 48 * 57_562 },
      leasing: { totalCostCents: 200_000 + 36 * 34_999 },
      insurance: { annualPremiumCents: 89_950 },
    });
  });
});

describe('a rate as typed', () => {
  it('reads German and English decimals into basis points and refuses the rest', () => {
    expect(parseRatePercent('4,99')).toBe(499);
    expect(parseRatePercent('4.9 %')).toBe(490);
    expect(parseRatePercent('0')).toBe(0);
    expect(parseRatePercent('12,5')).toBe(1250);
    for (const text of ['', 'abc', '4,999', '-1', '100']) expect(parseRatePercent(text), text).toBeNull();
  });
});
