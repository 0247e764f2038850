import { describe, expect, it } from 'vitest';
import { isShortNumber, isWithheld, MIN_EXTERNAL_DIGITS, numberKind } from './numbers';

describe('number classification', () => {
  it('reads the words phone systems send for a withheld number, and nothing at all, as withheld', () => {
    for (const raw of ['anonymous', 'Anonymous', ' unknown ', 'restricted', 'private', 'notKnown', '', '  ', null]) {
      expect(numberKind(raw), String(raw)).toBe('withheld');
      expect(isWithheld(raw)).toBe(true);
    }
  });

  it('reads extensions, short and service numbers as internal', () => {
    for (const raw of ['21', '2104', '110', '112', '11833', '**610', '#31#', 'e0', 'w12']) {
      expect(numberKind(raw), raw).toBe('internal');
    }
  });

  it('draws the line at six digits, the same for every phone system', () => {
    expect(MIN_EXTERNAL_DIGITS).toBe(6);
    expect(isShortNumber('12345')).toBe(true);
    expect(isShortNumber('123456')).toBe(false);
    expect(isShortNumber('+49 (0) 1')).toBe(true);
    expect(numberKind('123456')).toBe('external');
  });

  it('reads outside lines in any notation as external', () => {
    for (const raw of ['+49 211 8840100', '0211 8840100', '004921188401000', '4921188401000', '0171/1234567']) {
      expect(numberKind(raw), raw).toBe('external');
    }
  });
});
