export const ROLES = ['admin', 'manager', 'sales', 'service', 'reception', 'parts'] as const;
export type Role = (typeof ROLES)[number];

export const DEPARTMENT_KINDS = ['sales', 'service', 'parts', 'administration'] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

/** German federal states (Bundesländer) by their ISO 3166-2:DE subdivision code. */
export const FEDERAL_STATES = [
  'BW',
  'BY',
  'BE',
  'BB',
  'HB',
  'HH',
  'HE',
  'MV',
  'NI',
  'NW',
  'RP',
  'SL',
  'SN',
  'ST',
  'SH',
  'TH',
] as const;
export type FederalState = (typeof FEDERAL_STATES)[number];

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const LOCALES = ['de', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Scopes an API key can be granted; each machine client gets only what it needs. */
export const API_KEY_SCOPES = ['intake', 'telephony', 'phonebook'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];
