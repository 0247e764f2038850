import { describe, expect, it } from 'vitest';
import { initialValues, toBody } from './intake-values';

const NOW = new Date('2026-12-07T09:00:00Z');

describe('toBody', () => {
  it('sends the callback window of a phone call (14–16 h Berlin), but none once the channel became a walk-in', () => {
    const values = {
      ...initialValues(new URLSearchParams('channel=phone'), 'loc-1'),
      callbackWindow: 'custom' as const,
      callbackCustom: { from: '2026-12-08T14:00', to: '2026-12-08T16:00' },
    };
    expect(toBody(values, NOW)).toMatchObject({
      callbackFrom: '2026-12-08T13:00:00.000Z',
      callbackTo: '2026-12-08T15:00:00.000Z',
    });
    expect(toBody({ ...values, channel: 'walk_in' }, NOW)).toMatchObject({ callbackFrom: null, callbackTo: null });
  });
});
