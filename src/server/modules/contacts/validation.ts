import type { FieldErrorCode } from '@shared/errors/codes';
import type { Deps } from '@server/deps';
import { type FieldError, NotFoundError, ValidationError } from '@server/http/errors';
import type { OrgService } from '@server/modules/org';
import { berlinToday } from './input';
import * as repo from './repo';

/** The reference fields of a create or an update; absent ones are not checked. */
export interface ReferenceFields {
  kind: 'person' | 'company';
  companyId?: string | null;
  dateOfBirth?: string | null;
  homeLocationId?: string;
  salesConsultantId?: string | null;
  serviceAdvisorId?: string | null;
}

/**
 * Rules that need the database or the clock; collected so that one answer
 * names every offending field. Returns the home location's code when asked.
 */
export function createReferenceChecks({ db, clock }: Deps, org: OrgService) {
  return async function checkReferences(
    fields: ReferenceFields,
    errors: FieldError[],
    selfId?: string,
  ): Promise<{ locationCode?: string }> {
    const fail = (field: string, code: FieldErrorCode, message: string) =>
      errors.push({ field, in: 'body', code, message });
    let locationCode: string | undefined;

    if (fields.dateOfBirth && fields.dateOfBirth > berlinToday(clock.now()))
      fail('dateOfBirth', 'in_future', 'must not be in the future');

    if (fields.homeLocationId) {
      try {
        locationCode = (await org.getLocation(fields.homeLocationId)).code;
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
        fail('homeLocationId', 'unknown_location', 'unknown location');
      }
    }

    if (fields.companyId) {
      const company = await repo.findContact(db, fields.companyId);
      if (fields.kind === 'company')
        fail('companyId', 'company_in_company', 'a company cannot belong to another company');
      else if (!company || company.kind !== 'company' || company.mergedIntoId || company.id === selfId) {
        fail('companyId', 'company_required', 'must be an existing company');
      }
    }

    const userFields = (['salesConsultantId', 'serviceAdvisorId'] as const).filter((f) => fields[f]);
    if (userFields.length > 0) {
      const users = await org.userRefs(userFields.map((f) => fields[f]!));
      for (const f of userFields) {
        if (!users.get(fields[f]!)?.active) fail(f, 'inactive_user', 'must be an active user');
      }
    }
    return { locationCode };
  };
}

export function throwIfAny(errors: FieldError[]) {
  if (errors.length > 0) throw new ValidationError(errors);
}
