// The public face of org: locations, departments and users. Other modules use
// these; org's tables and repo stay private to it.
export { createOrgService, type OrgService, type SessionsOfUsers } from './service';
export {
  extraLocationIds,
  findLocationByCode,
  findUser,
  findUserByEmail,
  recordLogin,
  setOwnPassword,
  type UserRow,
} from './repo';
export { locationsSql, userPlanningSql, userReadModel, usersSql } from './read-model';
export {
  activeAdmins,
  activeLocationDepartments,
  activeStaffAt,
  activeStaffWithExtensionAt,
  activeUsers,
  allLocationNames,
  everyone,
  loadPeople,
  locationAddress,
  locationExists,
  locationNames,
  type Person,
  userNames,
  workingCalendarOf,
} from './people';
export { listRef } from './refs';
export { locationSenderIn, type MailSender, mailSenderIn } from './sender';
export { createDutyService, DUTY_EVENT, type DutyService } from './duty/service';
export { type DutyAtLocation, dutyAt } from './duty/read-model';
export { checkEntryOfDay, type ChecksService, createChecksService } from './checks/service';
export { insertCheckEntryRows, insertCheckRows, insertDutySettings, insertShiftRows } from './duty/bulk';
