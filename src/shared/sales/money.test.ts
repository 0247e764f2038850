import { describe, expect, it } from 'vitest';
import { formatEuro, formatEuroInput, netOfGross, OfferFigureError, offerTotals, parseEuroInput } from './money';

const vehicle = (listPriceCents: number) => ({ make: 'VW', model: 'Golf', listPriceCents });

describe('offer totals in cents', () => {
  it('adds the lines to the list price, takes off the discount and splits the gross into net and 19 % VAT', () => {
    const totals = offerTotals({
      vehicle: vehicle(3_000_000),
      lines: [
        { kind: 'option', label: 'Navigationssystem', priceCents: 129_000 },
        { kind: 'transfer', label: 'Überführung', priceCents: 89_000 },
        { kind: 'registration', label: 'Zulassung', priceCents: 15_000 },
      ],
      discountCents: 150_000,
      tradeIn: { make: 'Opel', model: 'Astra', appraisedValueCents: 800_000 },
    });
    // 30,000 + 1,290 + 890 + 150 − 1,500 = 30,830.00 €; net = 30,830 / 1.19 = 25,907.563… → 25,907.56; VAT 4,922.44.
    expect(totals).toEqual({
      subtotalCents: 3_233_000,
      discountCents: 150_000,
      grossCents: 3_083_000,
      netCents: 2_590_756,
      vatCents: 492_244,
      tradeInCents: 800_000,
      payableCents: 2_283_000,
    });
  });

  it('rounds the net half up on odd cents, so net + VAT is always the gross', () => {
    // 1 ct / 1.19 = 0.84 → 1; 3 ct / 1.19 = 2.52 → 3; 119 ct / 1.19 = 100 exactly; 1,785 ct / 1.19 = 1,500.
    expect(netOfGross(1)).toBe(1);
    expect(netOfGross(3)).toBe(3);
    expect(netOfGross(119)).toBe(100);
    expect(netOfGross(1_785)).toBe(1_500);
    // A whole gross never lands exactly on half a cent of net (119 is odd), so check the neighbours:
    // 60 ct / 1.19 = 50.42 → 50, 61 ct / 1.19 = 51.26 → 51.
    expect(netOfGross(60)).toBe(50);
    expect(netOfGross(61)).toBe(51);
    for (let gross = 0; gross < 5_000; gross += 7) {
      const { netCents, vatCents, grossCents } = offerTotals({ vehicle: vehicle(gross), lines: [], discountCents: 0 });
      expect(netCents + vatCents).toBe(grossCents);
      // The VAT is 19 % of the net, to the cent.
      expect(Math.abs(vatCents - netCents * 0.19)).toBeLessThanOrEqual(0.6);
    }
  });

  it('sums many lines exactly, where adding euro floats would drift', () => {
    const lines = Array.from({ length: 60 }, (_, n) => ({
      kind: 'accessory' as const,
      label: `Teil ${n}`,
      priceCents: 10 + n,
    }));
    const totals = offerTotals({ vehicle: vehicle(1_999_999), lines, discountCents: 1 });
    // 60 lines of 0.10 … 0.69 € = 60 · 0.10 + (0 + … + 59) ct = 600 + 1,770 = 2,370 ct.
    expect(totals.grossCents).toBe(1_999_999 + 2_370 - 1);
    expect(totals.netCents).toBe(Math.round((totals.grossCents * 100) / 119));
  });

  it('takes a discount up to the whole price and refuses one above it, naming the field', () => {
    expect(offerTotals({ vehicle: vehicle(10_000), lines: [], discountCents: 10_000 }).grossCents).toBe(0);
    const refuse = () => offerTotals({ vehicle: vehicle(10_000), lines: [], discountCents: 10_001 });
    expect(refuse).toThrow(OfferFigureError);
    try {
      refuse();
    } catch (error) {
      expect(error).toMatchObject({
        field: 'content.discountCents',
        code: 'discount_exceeds_price',
        params: { maxCents: 10_000 },
      });
    }
  });

  it('never lets a trade-in make the payable price negative', () => {
    const totals = offerTotals({
      vehicle: vehicle(500_000),
      lines: [],
      discountCents: 0,
      tradeIn: { make: 'BMW', model: 'X5', appraisedValueCents: 900_000 },
    });
    expect(totals.payableCents).toBe(0);
    expect(totals.tradeInCents).toBe(900_000);
  });
});

describe('German money', () => {
  it('formats cents with thousands dots and a decimal comma', () => {
    expect(formatEuro(123_456)).toBe('1.234,56 €');
    expect(formatEuro(5)).toBe('0,05 €');
    expect(formatEuro(100_000_000_00)).toBe('100.000.000,00 €');
    expect(formatEuro(-1_050)).toBe('−10,50 €');
    expect(formatEuroInput(3_083_000)).toBe('30.830,00');
  });

  it('reads what people type into an amount field', () => {
    expect(parseEuroInput('1.234,56')).toBe(123_456);
    expect(parseEuroInput('1234,5')).toBe(123_450);
    expect(parseEuroInput('1234')).toBe(123_400);
    expect(parseEuroInput(' 30.830,00 € ')).toBe(3_083_000);
    expect(parseEuroInput('0,07')).toBe(7);
    expect(parseEuroInput('12.345.678')).toBe(1_234_567_800);
  });

  it('refuses what is not an amount instead of guessing', () => {
    for (const text of ['', '1,234', '12.34', '1.23,45', 'abc', '-5', '1,2,3', '1.2345']) {
      expect(parseEuroInput(text), text).toBeNull();
    }
  });
});
