import type { DbOrTx } from '../../db/client';
import * as repo from './repo';

/** Ends every session of a user, e.g. after a role change, deactivation or password reset. */
export const revokeSessionsOfUser = (tx: DbOrTx, userId: string) => repo.deleteSessionsOfUser(tx, userId);
