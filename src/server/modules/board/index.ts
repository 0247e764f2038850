// The public face of the board: channels, threads and posts (Community Board), and "to the board" for internal messages.
export { type BoardService, createBoardService } from './service';
export {
  type BoardChannel,
  boardChannelsOf,
  ensureBoardChannels,
  insertBoardMentionRows,
  insertBoardPostRows,
  insertBoardReactionRows,
  insertBoardThreadRows,
} from './bulk';
