/**
 * Kinds of timeline entries. Modules add theirs here so that the web app can
 * label and filter them; the database stores the kind as text.
 */
export const TIMELINE_KINDS = [
  'note',
  'contact_created',
  'contact_changed',
  'consent_changed',
  'blocked',
  'unblocked',
  'merged',
  'possible_duplicate',
  'vehicle_linked',
  'vehicle_unlinked',
  'vehicle_changed',
  'call',
  'email',
  'letter',
  'visit',
  'message',
  'request',
  'activity',
  'opportunity',
  'test_drive',
  'offer',
  'purchase_order',
  'service_ticket',
  'survey',
  'complaint',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];
