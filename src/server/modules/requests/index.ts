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
export { inspectFile, type Inspection } from './file-content';
/** The checks every upload of customer files passes: size, kind by content, stored name. */
export { checkFiles } from './attachments';
/** A typed letter as PDF, for the demo's post. */
export { letterPdf } from './letters/sample-letter';
export { openLoad, openRequestsOfContactJson, type RequestRef, requestRefs } from './read-model';
export {
  insertContactAttemptRows,
  insertRequestEventRows,
  insertRequestRows,
  type NewContactAttemptRow,
  type NewRequestEventRow,
  type NewRequestRow,
} from './bulk';
