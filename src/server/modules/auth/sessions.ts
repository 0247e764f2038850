import type { DbOrTx } from '@server/db/client';
import * as repo from './repo';

/** Ends every session of a user, e.g. after a role change, deactivation or password reset. */
export const revokeSessionsOfUser = (tx: DbOrTx, userId: string) => repo.deleteSessionsOfUser(tx, userId);

/** NOTIFY channel of a trigger on the sessions table: some sessions ended, whoever deleted them. */
export const SESSIONS_ENDED_CHANNEL = 'crm_sessions_ended';
