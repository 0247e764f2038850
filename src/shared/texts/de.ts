/**
 * German texts the server stores by key and both sides render: notifications, alert mails and
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
  mail: {
    assigned: {
      subject: 'Neues Anliegen {{number}}: {{subject}}',
      hello: 'Hallo {{name}},',
      intro: 'Ihnen wurde ein Anliegen zugewiesen.',
      introOnBehalf: 'Ihnen wurde ein Anliegen zugewiesen – in Vertretung für {{name}}.',
      copySubject: 'Zur Kenntnis: Anliegen {{number}} an {{assignee}}: {{subject}}',
      copyNobody: 'niemanden',
      copyIntro: 'zur Kenntnis: Das Anliegen {{number}} wurde {{assignee}} zugewiesen.',
      copyIntroOnBehalf:
        'zur Kenntnis: Das Anliegen {{number}} wurde {{assignee}} zugewiesen (in Vertretung für {{name}}).',
      copyIntroNobody: 'noch niemandem',
      reassignedBy: 'Neu zugewiesen von {{name}}.',
      reassignedByBecause: 'Neu zugewiesen von {{name}}. Grund: {{reason}}.',
      request: 'Anliegen:  {{value}}',
      type: 'Art:       {{value}}',
      customer: 'Kunde:     {{value}}',
      subjectLine: 'Betreff:   {{value}}',
      location: 'Standort:  {{value}}',
      due: 'Erstkontakt fällig bis: {{due}} Uhr',
      link: 'Zum Anliegen: {{url}}',
      footer: 'Diese Nachricht wurde automatisch vom Autohaus CRM versendet.',
    },
    greeting: 'Guten Tag {{name}},',
    onBehalfSummary: 'bis {{until}} wurden folgende Anliegen Ihrer Kunden von Ihrer Vertretung bearbeitet:',
  },
};
