import { bulkInsert } from '@server/db/bulk-insert';
import type { DbOrTx } from '@server/db/client';
import { boardMentions, boardPosts, boardReactions, boardThreads } from './tables';

/*
 * Threads and posts written by the dozen (the demo data), in the caller's transaction. The caller
 * prepares complete rows (ids, post counts and last-post times included); nobody is notified.
 */
export {
  allChannels as boardChannelsOf,
  type ChannelRow as BoardChannel,
  ensureChannels as ensureBoardChannels,
} from './channels';

export const insertBoardThreadRows = (tx: DbOrTx, rows: Array<typeof boardThreads.$inferInsert>) =>
  bulkInsert(tx, boardThreads, rows);

export const insertBoardPostRows = (tx: DbOrTx, rows: Array<typeof boardPosts.$inferInsert>) =>
  bulkInsert(tx, boardPosts, rows);

export const insertBoardMentionRows = (tx: DbOrTx, rows: Array<typeof boardMentions.$inferInsert>) =>
  bulkInsert(tx, boardMentions, rows);

export const insertBoardReactionRows = (tx: DbOrTx, rows: Array<typeof boardReactions.$inferInsert>) =>
  bulkInsert(tx, boardReactions, rows);
