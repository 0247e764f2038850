import type { UserActor } from '@server/http/access';
import { ForbiddenError } from '@server/http/errors';
import type { RequestRow } from './repo';

const isPersonOf = (actor: UserActor, row: RequestRow) =>
  row.assigneeId === actor.userId || row.onBehalfOfId === actor.userId;

/** Any colleague at the request's location reads it; so do the assignee and the person it is for. */
export function canRead(actor: UserActor, row: RequestRow): boolean {
  return actor.role === 'admin' || actor.locationIds.includes(row.locationId) || isPersonOf(actor, row);
}

/** Changes: the assignee (or the absent person it is for), managers of the location, admins. */
export function canChange(actor: UserActor, row: RequestRow): boolean {
  if (actor.role === 'admin' || isPersonOf(actor, row)) return true;
  return actor.role === 'manager' && actor.locationIds.includes(row.locationId);
}

export function assertRead(actor: UserActor, row: RequestRow): void {
  if (!canRead(actor, row)) throw new ForbiddenError('You do not work at the location of this request.');
}

export function assertChange(actor: UserActor, row: RequestRow): void {
  if (!canChange(actor, row)) {
    throw new ForbiddenError('Only the assignee or a manager of the location may change this request.');
  }
}
