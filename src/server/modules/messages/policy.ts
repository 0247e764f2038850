import { DEFAULT_BLOCK_POLICY } from '@shared/messages/enums';
import type { BlockPolicy } from '@shared/messages/schemas';
import type { Role } from '@shared/org/enums';
import type { DbOrTx } from '@server/db/client';
import { activeStaffAt, dutyAt } from '@server/modules/org';
import * as repo from './repo';

/** The location's block policy, or the defaults when it has set none. */
export async function blockPolicyOf(db: DbOrTx, locationId: string): Promise<BlockPolicy> {
  const row = await repo.findPolicy(db, locationId);
  return row ? { blockRoles: row.blockRoles, unblockRoles: row.unblockRoles } : { ...DEFAULT_BLOCK_POLICY };
}

export const mayBlock = (policy: BlockPolicy, role: Role) => policy.blockRoles.includes(role);
/** Whether the role lifts a block at once; anyone else's unblock waits for such a colleague to confirm. */
export const mayLiftBlock = (policy: BlockPolicy, role: Role) => policy.unblockRoles.includes(role);

/**
 * The colleagues a message at the location may name as having entered it: its active staff,
 * and where the location counts presence by check-in, only those on duty now.
 */
export async function enteringCandidates(db: DbOrTx, locationId: string) {
  const [staff, duty] = await Promise.all([activeStaffAt(db, locationId), dutyAt(db, locationId)]);
  return duty.usesCheckIn ? staff.filter((p) => duty.onDuty.has(p.id)) : staff;
}

/** Why `userId` may not be named as having entered a message at the location, or null when they may. */
export async function enteringProblem(
  db: DbOrTx,
  locationId: string,
  userId: string,
): Promise<'active_colleague_required' | 'on_duty_required' | null> {
  const [staff, duty] = await Promise.all([activeStaffAt(db, locationId), dutyAt(db, locationId)]);
  if (!staff.some((p) => p.id === userId)) return 'active_colleague_required';
  return duty.usesCheckIn && !duty.onDuty.has(userId) ? 'on_duty_required' : null;
}

/** Whether `userId` may be named as the employee who entered a message at the location. */
export async function mayEnterFor(db: DbOrTx, locationId: string, userId: string): Promise<boolean> {
  return (await enteringProblem(db, locationId, userId)) === null;
}
