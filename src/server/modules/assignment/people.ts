/*
 * What assignment reads of people, customers and workload INSIDE the caller's
 * transaction (an intake creates the contact and decides the assignee in one
 * transaction). Each owning module publishes these reads; they are gathered
 * here so the parts of assignment have one place to import them from.
 */
export {
  activeAdmins,
  activeStaffAt,
  allLocationNames,
  dutyAt,
  type DutyAtLocation,
  everyone,
  loadPeople,
  locationNames,
  type Person,
} from '@server/modules/org';
export { regularStaffOf } from '@server/modules/contacts';
export { openLoad } from '@server/modules/requests';
