import { fieldError } from '@shared/errors/codes';
import type { ImportMapping, ImportTarget } from '@shared/imports/schemas';
import type { Deps } from '@server/deps';
import type { Actor } from '@server/http/access';
import { type FieldError, ValidationError } from '@server/http/errors';
import { berlinToday } from '@server/modules/contacts';
import type { OrgService } from '@server/modules/org';
import { fieldsOf, REPEATABLE_FIELDS } from './fields';
import type { ContactContext } from './prepare-contact';

/** Locations by code, name and city (lower case) for a "Standort" column, and each location's code. */
export async function importContext(
  { clock }: Deps,
  org: OrgService,
  actor: Actor,
  locationId: string | undefined,
): Promise<{ context: ContactContext; locationCodes: Map<string, string> }> {
  const locations = await org.listLocations();
  const byName = new Map<string, string>();
  for (const l of locations) for (const key of [l.city, l.name, l.code]) byName.set(key.toLowerCase(), l.id);
  const defaultLocationId = locationId ?? (actor.kind === 'user' ? actor.homeLocationId : locations[0]?.id);
  if (!defaultLocationId || !locations.some((l) => l.id === defaultLocationId)) {
    throw new ValidationError([
      { field: 'locationId', in: 'body', code: 'unknown_location', message: 'unknown location' },
    ]);
  }
  const now = clock.now();
  return {
    context: { now, today: berlinToday(now), defaultLocationId, locations: byName },
    locationCodes: new Map(locations.map((l) => [l.id, l.code])),
  };
}

/** A mapping must name columns of the file and fields of the target, and map the fields a row cannot do without. */
export function checkMapping(target: ImportTarget, headers: string[], mapping: ImportMapping): void {
  const errors: FieldError[] = [];
  const fields = new Set(fieldsOf(target).map((f) => f.key));
  const used = new Map<string, string>();
  for (const [column, field] of Object.entries(mapping)) {
    if (!field) continue;
    const at = `mapping.${column}`;
    const other = used.get(field);
    if (!headers.includes(column))
      errors.push({ field: at, in: 'body', code: 'no_such_column', message: 'the file has no such column' });
    else if (!fields.has(field))
      errors.push({
        field: at,
        in: 'body',
        ...fieldError('unknown_field', { field }),
        message: `unknown field "${field}"`,
      });
    else if (other !== undefined && !REPEATABLE_FIELDS.has(field)) {
      errors.push({
        field: at,
        in: 'body',
        ...fieldError('mapped_twice', { field, column: other }),
        message: `"${field}" is mapped from column "${other}" already`,
      });
    } else used.set(field, column);
  }
  const needs =
    target === 'contacts'
      ? [['lastName', 'companyName']]
      : target === 'bank_contracts'
        ? [['vin', 'plate'], ['contractEnd']]
        : [['ownerRef'], ['make'], ['model']];
  for (const anyOf of needs) {
    if (!anyOf.some((f) => used.has(f))) {
      errors.push({
        field: 'mapping',
        in: 'body',
        ...fieldError('column_required', { fields: anyOf }),
        message: `map a column to ${anyOf.join(' or ')}`,
      });
    }
  }
  if (errors.length > 0) throw new ValidationError(errors);
}
