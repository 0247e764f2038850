// The public face of assignment: who gets a request, absences, deputies and rules.
export {
  type AssignmentService,
  createAssignmentService,
  type Decision,
  type DecisionRequest,
  type LineStatus,
} from './service';
export { loadPeople, openLoad } from './people';
export { deputyOnSql, isDeputyOn, presentOnSql } from './deputies';
