import type { de } from './de';

/** English texts; the same keys as the German table (the type check holds them together). */
export const en: typeof de = {
  requestType: {
    sales_lead: 'Sales lead',
    service_appointment: 'Service appointment',
    callback: 'Callback',
    parts: 'Parts request',
    complaint: 'Complaint',
    general: 'General inquiry',
  },
  requestStatus: {
    new: 'new',
    assigned: 'assigned',
    in_progress: 'in progress',
    waiting: 'waiting for customer',
    done: 'done',
    lost: 'lost',
  },
  notification: {
    requestAssigned: {
      title: 'New request {{number}}: {{subject}}',
      customer: 'Customer: {{customer}}',
      onBehalfOf: 'on behalf of {{name}}',
      reassignedBy: 'assigned by {{name}}',
      reassignedByBecause: 'assigned by {{name}}: {{reason}}',
    },
    callbackWindow: {
      title: 'Call back now: {{number}} {{type}} – {{customer}}',
      body: '{{customer}} would like a call back from {{from}}{{until}} (“{{subject}}”).',
      now: 'now',
      until: ' until {{to}}',
    },
    escalated: {
      title: 'Overdue: {{number}} {{type}} – {{customer}}',
      body: 'Request {{number}} (“{{subject}}”) from {{customer}} needed a first contact by {{due}}. Responsible: {{assignee}}.',
      nobody: 'nobody',
    },
    onBehalfSummary: {
      title_one: 'Welcome back: {{count}} request was handled for you while you were away',
      title_other: 'Welcome back: {{count}} requests were handled for you while you were away',
      line: '{{number}} · {{type}} · {{customer}} · {{subject}} ({{status}}, handled by {{handledBy}}, received {{receivedAt}})',
    },
  },
  lostReason: {
    not_reached: 'not reached',
    bought_elsewhere: 'bought elsewhere',
    no_interest: 'no interest',
    price: 'price',
    no_stock: 'not available',
    duplicate: 'duplicate',
    spam: 'spam',
    other: 'other',
  },
  attemptChannel: {
    phone: 'Call attempt',
    email: 'E-mail',
    sms: 'SMS',
    letter: 'Letter',
    in_person: 'In person',
  },
  attemptOutcome: {
    reached: 'reached',
    no_answer: 'not reached',
    voicemail: 'left a voicemail',
    wrong_number: 'wrong number',
    email_sent: 'e-mail sent',
  },
  timeline: {
    requestReceived: 'Request {{number}} received: {{what}}',
    requestDone: 'Request {{number}} done: {{outcome}}',
    requestLost: 'Request {{number}} lost: {{reason}}',
    requestReopened: 'Request {{number}} reopened',
    requestStatus: 'Request {{number}}: {{status}}',
    requestReassigned: 'Request {{number}} handed over to {{assignee}}: {{reason}}',
    contactAttempt: '{{channel}}: {{outcome}}',
    call: {
      from: ' from {{number}}',
      to: ' to {{number}}',
      duration: ' ({{minutes}}:{{seconds}} min)',
      missed: 'Missed call{{via}}',
      transferred: 'Call{{via}} transferred{{duration}}',
      outbound: 'Outgoing call{{via}}{{duration}}',
      notReached: 'Call{{via}}: not reached',
      internal: 'Internal call{{duration}}',
      inbound: 'Incoming call{{via}}{{duration}}',
    },
  },
  mail: {
    greeting: 'Hello {{name}},',
    onBehalfSummary: 'Until {{until}}, your deputy handled these requests of your customers:',
  },
};
