/**
 * German texts the server stores by key and both sides render: notifications, alert mails, timeline summaries and
 * the request-type labels. Placeholders and plural keys follow i18next (`{{name}}`, `_one`/`_other`).
 */
export const de = {
  requestType: {
    sales_lead: 'Verkaufsanfrage',
    service_appointment: 'Serviceanfrage',
    callback: 'Rückruf',
    parts: 'Teileanfrage',
    complaint: 'Reklamation',
    general: 'Allgemeine Anfrage',
  },
  requestStatus: {
    new: 'neu',
    assigned: 'zugewiesen',
    in_progress: 'in Bearbeitung',
    waiting: 'wartet auf Kunden',
    done: 'erledigt',
    lost: 'verloren',
  },
  notification: {
    requestAssigned: {
      title: 'Neues Anliegen {{number}}: {{subject}}',
      customer: 'Kunde: {{customer}}',
      onBehalfOf: 'in Vertretung für {{name}}',
      reassignedBy: 'zugewiesen von {{name}}',
      reassignedByBecause: 'zugewiesen von {{name}}: {{reason}}',
    },
    callbackWindow: {
      title: 'Jetzt zurückrufen: {{number}} {{type}} – {{customer}}',
      body: '{{customer}} möchte ab {{from}}{{until}} zurückgerufen werden („{{subject}}“).',
      now: 'jetzt',
      until: ' bis {{to}}',
    },
    escalated: {
      title: 'Überfällig: {{number}} {{type}} – {{customer}}',
      body: 'Das Anliegen {{number}} („{{subject}}“) von {{customer}} hätte bis {{due}} einen Erstkontakt gebraucht. Zuständig: {{assignee}}.',
      nobody: 'niemand',
    },
    onBehalfSummary: {
      title_one: 'Willkommen zurück: {{count}} Anliegen wurde in Ihrer Abwesenheit für Sie bearbeitet',
      title_other: 'Willkommen zurück: {{count}} Anliegen wurden in Ihrer Abwesenheit für Sie bearbeitet',
      line: '{{number}} · {{type}} · {{customer}} · {{subject}} ({{status}}, bearbeitet von {{handledBy}}, eingegangen {{receivedAt}})',
    },
  },
  lostReason: {
    not_reached: 'nicht erreicht',
    bought_elsewhere: 'woanders gekauft',
    no_interest: 'kein Interesse',
    price: 'Preis',
    no_stock: 'nicht verfügbar',
    duplicate: 'Dublette',
    spam: 'Spam',
    other: 'Sonstiges',
  },
  /** A contact attempt as it opens a history line ("Anrufversuch: erreicht"). */
  attemptChannel: {
    phone: 'Anrufversuch',
    email: 'E-Mail',
    sms: 'SMS',
    letter: 'Brief',
    in_person: 'Persönliches Gespräch',
  },
  attemptOutcome: {
    reached: 'erreicht',
    no_answer: 'nicht erreicht',
    voicemail: 'Mailbox besprochen',
    wrong_number: 'falsche Nummer',
    email_sent: 'E-Mail gesendet',
  },
  /** Consent channels and purposes as a history line names them. */
  consentChannel: { phone: 'Telefon', email: 'E-Mail', sms: 'SMS', letter: 'Brief' },
  consentPurpose: { marketing: 'Werbung', service_reminders: 'Serviceerinnerungen' },
  timeline: {
    requestReceived: 'Anliegen {{number}} eingegangen: {{what}}',
    requestDone: 'Anliegen {{number}} erledigt: {{outcome}}',
    requestLost: 'Anliegen {{number}} verloren: {{reason}}',
    requestReopened: 'Anliegen {{number}} wieder geöffnet',
    requestStatus: 'Anliegen {{number}}: {{status}}',
    requestReassigned: 'Anliegen {{number}} an {{assignee}} übergeben: {{reason}}',
    contactAttempt: '{{channel}}: {{outcome}}',
    contactCreated: 'Kontakt angelegt ({{customerNumber}})',
    merged: 'Dublette zusammengeführt: {{name}} ({{customerNumber}})',
    consentGranted: 'Einwilligung erteilt: {{channel}} ({{purpose}})',
    consentWithdrawn: 'Einwilligung widerrufen: {{channel}} ({{purpose}})',
    blocked: 'Kunde gesperrt: {{reason}}',
    unblocked: 'Sperre aufgehoben',
    unblockedBecause: 'Sperre aufgehoben: {{reason}}',
    call: {
      from: ' von {{number}}',
      to: ' an {{number}}',
      duration: ' ({{minutes}}:{{seconds}} min)',
      missed: 'Verpasster Anruf{{via}}',
      transferred: 'Anruf{{via}} weitergeleitet{{duration}}',
      outbound: 'Ausgehender Anruf{{via}}{{duration}}',
      notReached: 'Anruf{{via}}: nicht erreicht',
      internal: 'Interner Anruf{{duration}}',
      inbound: 'Eingehender Anruf{{via}}{{duration}}',
    },
  },
  mail: {
    greeting: 'Guten Tag {{name}},',
    onBehalfSummary: 'bis {{until}} wurden folgende Anliegen Ihrer Kunden von Ihrer Vertretung bearbeitet:',
  },
};
