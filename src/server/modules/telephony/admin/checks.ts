import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { type FieldError, ValidationError } from '../../../http/errors';
import { isUniqueViolation } from '../../vehicles/helpers';
import { locations, users } from '../../org/tables';

export { isUniqueViolation };

/** Collects field errors so one answer names every offending field. */
export class FieldErrors {
  readonly list: FieldError[] = [];
  add(field: string, message: string): void {
    if (!this.list.some((e) => e.field === field)) this.list.push({ field, in: 'body', message });
  }
  throwIfAny(): void {
    if (this.list.length > 0) throw new ValidationError(this.list);
  }
}

/** Users by id with whether they may still be given calls. */
export async function activeUsers(db: DbOrTx, ids: string[]): Promise<Map<string, boolean>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: users.id, active: users.active }).from(users).where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.active]));
}

export async function locationExists(db: DbOrTx, id: string): Promise<boolean> {
  const rows = await db
    .select({ id: locations.id })
    .from(locations)
    .where(inArray(locations.id, [id]));
  return rows.length > 0;
}
