import { DEFAULT_BLOCK_POLICY } from '@shared/messages/enums';
import type { BlockPolicy } from '@shared/messages/schemas';
import type { Role } from '@shared/org/enums';
import type { DbOrTx } from '@server/db/client';
import { activeStaffAt } from '@server/modules/org';
import * as repo from './repo';

/** The location's block policy, or the defaults when it has set none. */
export async function blockPolicyOf(db: DbOrTx, locationId: string): Promise<BlockPolicy> {
  const row = await repo.findPolicy(db, locationId);
  return row ? { blockRoles: row.blockRoles, unblockRoles: row.unblockRoles } : { ...DEFAULT_BLOCK_POLICY };
}

export const mayBlock = (policy: BlockPolicy, role: Role) => policy.blockRoles.includes(role);
/** Whether the role lifts a block at once; anyone else's unblock waits for such a colleague to confirm. */
export const mayLiftBlock = (policy: BlockPolicy, role: Role) => policy.unblockRoles.includes(role);

/** The colleagues a message at the location may name as having entered it. */
export async function enteringCandidates(db: DbOrTx, locationId: string) {
  return activeStaffAt(db, locationId);
}

/**
 * Whether `userId` may be named as the employee who entered a message at the location.
 * Today: any active user of the location. Where a location uses duty check-in, this is the
 * one place to require that they are on duty now.
 */
export async function mayEnterFor(db: DbOrTx, locationId: string, userId: string): Promise<boolean> {
  return (await enteringCandidates(db, locationId)).some((p) => p.id === userId);
}
