// The one schema both engines run. Each module owns its tables; this index
// only collects them for Drizzle and for migration generation.
export * from '../modules/org/tables';
export * from '../modules/auth/tables';
export * from '../modules/audit/tables';
export * from '../modules/contacts/tables';
export * from '../modules/search/tables';
export * from '../modules/vehicles/tables';
export * from '../modules/timeline/tables';
export * from '../modules/imports/tables';
export * from '../jobs/tables';
export * from '../integrations/mail/tables';
export * from '../modules/notifications/tables';
export * from '../modules/requests/tables';
export * from '../modules/templates/tables';
export * from '../modules/assignment/tables';
export * from '../modules/telephony/tables';
export * from '../modules/phonebook/tables';
export * from '../modules/activities/tables';
export * from '../modules/board/tables';
export * from '../modules/messages/tables';
export * from '../modules/documents/tables';
export * from '../modules/sales/tables';
export * from '../modules/correspondence/tables';
export * from '../modules/complaints/tables';
export * from './reference-versions-table';
