/** What can happen to a complaint case; each writes a case event and a timeline entry on the customer. */
export const COMPLAINT_EVENT_KINDS = [
  'opened',
  'qualified',
  'step_added',
  'step_done',
  'step_reopened',
  'forwarded',
  'costs',
  'passed_on',
  'closed',
  'escalated',
] as const;
export type ComplaintEventKind = (typeof COMPLAINT_EVENT_KINDS)[number];
