// The public face of requests: customer requests from intake to closing.
export { createRequestsService, type RequestsDeps, type RequestsService } from './service';
export type { ActivitiesPort, AssignmentPort, CallbackAppointment, TemplatesPort } from './ports';
export { inspectFile, type Inspection } from './file-content';
export { openLoad, openRequestsOfContactJson, type RequestRef, requestForComplaint, requestRefs } from './read-model';
export {
  insertContactAttemptRows,
  insertRequestEventRows,
  insertRequestRows,
  type NewContactAttemptRow,
  type NewRequestEventRow,
  type NewRequestRow,
} from './bulk';
