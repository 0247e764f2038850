import { describe, expect, it } from 'vitest';
import { isUniqueViolation, isUniqueViolationOf } from './unique-violation';

const driverError = (code: string, constraint?: string) =>
  Object.assign(new Error(`duplicate key value violates unique constraint "${constraint ?? ''}"`), {
    code,
    constraint,
  });
const wrapped = (cause: unknown) => Object.assign(new Error('Failed query'), { cause });

describe('unique violations', () => {
  it('are found on the error itself or on what the ORM wrapped', () => {
    expect(isUniqueViolation(driverError('23505'))).toBe(true);
    expect(isUniqueViolation(wrapped(wrapped(driverError('23505'))))).toBe(true);
    expect(isUniqueViolation(driverError('23503'))).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
  });

  it('of one constraint are told apart by its name, given as field or in the message', () => {
    expect(isUniqueViolationOf(wrapped(driverError('23505', 'vehicles_vin_uq')), 'vehicles_vin_uq')).toBe(true);
    expect(isUniqueViolationOf(driverError('23505', 'vehicles_vin_uq'), 'vehicles_external_ref_uq')).toBe(false);
    const messageOnly = Object.assign(new Error('violates unique constraint "vehicles_vin_uq"'), { code: '23505' });
    expect(isUniqueViolationOf(messageOnly, 'vehicles_vin_uq')).toBe(true);
    expect(isUniqueViolationOf(driverError('23503', 'vehicles_vin_uq'), 'vehicles_vin_uq')).toBe(false);
  });
});
