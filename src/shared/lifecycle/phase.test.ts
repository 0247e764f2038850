import { describe, expect, it } from 'vitest';
import { lifecyclePhase, monthOfOwnership, mostAdvancedPhase } from './phase';

describe('lifecycle phase', () => {
  it('has its boundaries at 6/7, 28/29 and 36/37 months after delivery', () => {
    const delivered = '2024-01-15';
    expect(lifecyclePhase(delivered, '2024-01-14')).toBeNull();
    expect(lifecyclePhase(delivered, '2024-01-15')).toBe('getting_to_know');
    expect(monthOfOwnership(delivered, '2024-07-14')).toBe(6);
    expect(lifecyclePhase(delivered, '2024-07-14')).toBe('getting_to_know');
    expect(lifecyclePhase(delivered, '2024-07-15')).toBe('usage');
    expect(lifecyclePhase(delivered, '2026-05-14')).toBe('usage');
    expect(lifecyclePhase(delivered, '2026-05-15')).toBe('reorientation');
    expect(lifecyclePhase(delivered, '2027-01-14')).toBe('reorientation');
    expect(lifecyclePhase(delivered, '2027-01-15')).toBe('after36');
  });

  it('counts a month from the 31st as a person does', () => {
    expect(monthOfOwnership('2026-01-31', '2026-02-28')).toBe(1);
    expect(monthOfOwnership('2026-01-31', '2026-03-01')).toBe(2);
  });

  it('shows the most advanced phase of several vehicles', () => {
    expect(mostAdvancedPhase(['usage', null, 'reorientation', 'getting_to_know'])).toBe('reorientation');
    expect(mostAdvancedPhase([null])).toBeNull();
  });
});
