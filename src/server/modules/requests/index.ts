// The public face of requests: customer requests from intake to closing.
export { createRequestsService, type RequestsDeps, type RequestsService } from './service';
export type {
  ActivitiesPort,
  AssignmentPort,
  CallbackAppointment,
  InboundMail,
  InboundThreadPort,
  TemplatesPort,
} from './ports';
export { noInboundThread } from './ports';
export type { TakenInListener } from './taken-in';
export { inspectFile, type Inspection } from './file-content';
/** A typed letter as PDF, for the demo's post. */
export { letterPdf } from './letters/sample-letter';
export { openLoad, openRequestsOfContactJson, type RequestRef, requestForComplaint, requestRefs } from './read-model';
export {
  insertContactAttemptRows,
  insertRequestEventRows,
  insertRequestRows,
  type NewContactAttemptRow,
  type NewRequestEventRow,
  type NewRequestRow,
} from './bulk';
export { addInboundMailIn, type ArrivedMail, requestIdByNumberIn } from './inbound-mail';
export { checkFiles, type IncomingFile, insertAttachments } from './attachments';
/** The search bar's letter hits: scanned letters found by words of their text. */
export { findLettersByWords, type LetterHit } from './letters/find';
