export const CONTACT_KINDS = ['person', 'company'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** The customer list's orders. */
export const CONTACT_SORTS = ['name', 'customerNumber', 'updatedAt'] as const;

/** Anrede. "none" for companies and whoever prefers none. */
export const SALUTATIONS = ['mr', 'ms', 'mx', 'none'] as const;
export type Salutation = (typeof SALUTATIONS)[number];

export const PHONE_KINDS = ['mobile', 'landline', 'work', 'fax'] as const;
export type PhoneKind = (typeof PHONE_KINDS)[number];

export const EMAIL_KINDS = ['private', 'work'] as const;
export const ADDRESS_KINDS = ['home', 'work', 'billing', 'delivery'] as const;

export const CHANNELS = ['phone', 'email', 'sms', 'letter'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CONSENT_PURPOSES = ['marketing', 'service_reminders'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export const CONSENT_STATUSES = ['granted', 'withdrawn'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

/** How a consent was given or withdrawn — the proof a data-protection audit asks for. */
export const CONSENT_SOURCES = [
  'signed_form',
  'web_form',
  'double_opt_in',
  'verbal',
  'email',
  'letter',
  'import',
  'other',
  /** The customer clicked the unsubscribe link of a campaign mail. */
  'unsubscribe_link',
] as const;
export type ConsentSource = (typeof CONSENT_SOURCES)[number];

/** A prospect (Interessent) becomes a customer (Kunde) with their first purchase order (R2.13). */
export const CONTACT_LIFECYCLES = ['prospect', 'customer'] as const;
export type ContactLifecycle = (typeof CONTACT_LIFECYCLES)[number];
