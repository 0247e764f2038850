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
  timeline: {
    requestReceived: 'Anliegen {{number}} eingegangen: {{what}}',
  },
  mail: {
    greeting: 'Guten Tag {{name}},',
    onBehalfSummary: 'bis {{until}} wurden folgende Anliegen Ihrer Kunden von Ihrer Vertretung bearbeitet:',
  },
};
