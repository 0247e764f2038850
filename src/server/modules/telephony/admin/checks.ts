import type { CodedFieldError } from '@shared/errors/codes';
import type { UserActor } from '@server/http/access';
import { type FieldError, ForbiddenError, ValidationError } from '@server/http/errors';

/**
 * Managers look at the phone set-up of their own locations: its events carry
 * callers' numbers, its extensions who sits where. A system or number
 * without a location serves the whole group, like its calls (see the call
 * access in ../service.ts), so every manager may look at it.
 */
export const seesTelephonyOf = (actor: UserActor, locationId: string | null) =>
  actor.role === 'admin' || locationId === null || actor.locationIds.includes(locationId);

export function assertSeesTelephonyOf(actor: UserActor, locationId: string | null): void {
  if (!seesTelephonyOf(actor, locationId)) throw new ForbiddenError('This phone system belongs to another location.');
}

/** Collects field errors so one answer names every offending field. */
export class FieldErrors {
  readonly list: FieldError[] = [];
  add(field: string, coded: CodedFieldError, message: string): void {
    if (!this.list.some((e) => e.field === field)) this.list.push({ field, in: 'body', ...coded, message });
  }
  throwIfAny(): void {
    if (this.list.length > 0) throw new ValidationError(this.list);
  }
}

export { activeUsers, locationExists } from '@server/modules/org';
