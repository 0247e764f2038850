// The public face of timeline: every module writes its history through these,
// in its own transaction.
export { createTimelineService, type TimelineService } from './reader';
export {
  lastActivityOf,
  recordTimeline,
  recordTimelineInBulk,
  syncSourcedTimeline,
  timelineInsert,
  type TimelineWrite,
} from './service';
export { recentEntriesOfContactJson } from './read-model';
