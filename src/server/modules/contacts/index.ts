// The public face of contacts: customers and their phones, e-mails and addresses.
export { type ContactsService, createContactsService } from './service';
export { MergeHooks } from './merge-hooks';
export { ContactListFilters, type DeliveryRange } from './list-filters';
export { activeBlockOf, blockContactIn, unblockContactIn, writeConsents } from './consents-blocks';
export { type ContactCriteria, type ReachChannel, selectionSql } from './selection-read-model';
export { contactDisplayName, regularStaffOf } from './repo';
export {
  countExport,
  type ExistingRef,
  type ExportContact,
  exportContacts,
  findContactsByKeys,
  findOwners,
  contactRefs,
  contactsSql,
  type PhoneMatchRow,
  phoneMatches,
} from './read-model';
export { type PostalContact, postalContact } from './postal-read-model';
export {
  blockedSql,
  consentGrantedSql,
  contactSearchSql,
  findByExactPhone,
  type PhoneOwnerRow,
  regularStaffSql,
} from './search-read-model';
export { type PhonebookEntry, phonebookEntries, type PhonebookNumberKind } from './phonebook-read-model';
export {
  allocateCustomerNumbers,
  contactsWithChildren,
  insertConsentRows,
  insertContactBlockRows,
  insertContactChildRows,
  insertContactRows,
  type NewConsentRow,
  type NewContactBlockRow,
  type NewContactAddressRow,
  type NewContactEmailRow,
  type NewContactPhoneRow,
  type NewContactRow,
  updateContactFields,
} from './bulk';
export { type ContactAdditions } from './additions';
export { type SharedDetailCandidate } from './candidates';
export { changeSummary } from './changes';
export {
  berlinToday,
  type ContactCreate,
  displayNameOf,
  type PhoneValues,
  prepareAddresses,
  prepareEmails,
  preparePhones,
  searchNameOf,
} from './input';
export { type PreparedContact } from './service';
export {
  assertMayEmail,
  type EmailConsentState,
  type EmailReach,
  type EmailReason,
  emailReachIn,
  emailReachOf,
} from './email-permission';
export { contactLifecycleOf, setContactLifecycleIn } from './lifecycle';
export { emailBouncedAt, markEmailBouncedIn } from './email-bounces';
