import type { RequestType, TemplateKind } from '@shared/requests/enums';

export interface TemplateText {
  subject: string | null;
  body: string;
}

/**
 * What each kind of request is about, in the words used on the phone and in mails. What the
 * customer reads (e-mail) or hears unprompted (voicemail) never quotes the request's subject: that is our internal title
 * ("Verpasster Anruf von 0171 …", "Neuwagen: Cupra Formentor"), not the customer's words.
 */
const TOPIC: Record<RequestType, { purpose: string; emailSubject: string; emailPurpose: string }> = {
  sales_lead: {
    purpose: 'Sie haben sich für ein Fahrzeug bei uns interessiert ({{request.subject}})',
    emailSubject: 'Ihre Fahrzeuganfrage {{request.number}} – {{location.name}}',
    emailPurpose: 'vielen Dank für Ihr Interesse an einem Fahrzeug aus unserem Haus.',
  },
  service_appointment: {
    purpose: 'Sie möchten einen Werkstatttermin für Ihren {{vehicle}} vereinbaren',
    emailSubject: 'Ihr Werkstatttermin – Anfrage {{request.number}}',
    emailPurpose: 'vielen Dank für Ihre Terminanfrage für Ihren {{vehicle}}.',
  },
  callback: {
    purpose: 'Sie hatten um einen Rückruf gebeten ({{request.subject}})',
    emailSubject: 'Ihr Rückrufwunsch {{request.number}} – {{location.name}}',
    emailPurpose: 'Sie hatten sich bei uns gemeldet und möchten zurückgerufen werden.',
  },
  parts: {
    purpose: 'Sie haben eine Anfrage zu Teilen oder Zubehör gestellt ({{request.subject}})',
    emailSubject: 'Ihre Teileanfrage {{request.number}} – {{location.name}}',
    emailPurpose: 'vielen Dank für Ihre Anfrage zu Teilen bzw. Zubehör.',
  },
  complaint: {
    purpose: 'Sie haben uns Ihr Anliegen „{{request.subject}}“ geschildert – das nehmen wir sehr ernst',
    emailSubject: 'Ihr Anliegen {{request.number}} – {{location.name}}',
    emailPurpose:
      'vielen Dank, dass Sie uns Ihr Anliegen geschildert haben. Es tut uns leid, dass Sie Grund zur Unzufriedenheit hatten – wir nehmen das sehr ernst.',
  },
  general: {
    purpose: 'Sie haben uns eine Anfrage geschickt ({{request.subject}})',
    emailSubject: 'Ihre Anfrage {{request.number}} – {{location.name}}',
    emailPurpose: 'vielen Dank für Ihre Anfrage.',
  },
};

/** The questions to ask on the phone, per type of request (R3.3). */
const QUESTIONS: Record<RequestType, string[]> = {
  sales_lead: [
    'Welches Modell interessiert Sie – Neuwagen, Vorführwagen oder Gebrauchtwagen? Ausstattung, Farbe, Motorisierung?',
    'Bis wann möchten Sie das Fahrzeug haben?',
    'Haben Sie ein Fahrzeug, das Sie in Zahlung geben möchten (Marke, Modell, Baujahr, Kilometerstand)?',
    'Wie möchten Sie finanzieren: Barkauf, Finanzierung oder Leasing? Welche Monatsrate ist Ihnen angenehm?',
    'Möchten Sie das Fahrzeug Probe fahren? → Termin für Probefahrt und Beratung anbieten.',
  ],
  service_appointment: [
    'Welche Arbeiten stehen an (Inspektion, Ölwechsel, Reifenwechsel, HU/AU, Reparatur)? Gibt es Auffälligkeiten oder Warnleuchten?',
    'Wie ist der aktuelle Kilometerstand?',
    'Welcher Termin passt Ihnen (Wunschtag, Uhrzeit für Bringen und Abholen)?',
    'Benötigen Sie einen Ersatzwagen, den Hol- und Bringservice oder warten Sie vor Ort?',
    'Fahrzeug-Identifizierungsnummer oder Kennzeichen bestätigen; Wartungs-/Garantievertrag prüfen.',
  ],
  callback: [
    'Worum geht es genau? Anliegen in eigenen Worten wiederholen und bestätigen lassen.',
    'Betrifft es ein Fahrzeug? Wenn ja: Kennzeichen oder Modell.',
    'Kann ich direkt helfen, oder wer ist die richtige Ansprechperson? Ggf. Termin für Rückruf der Fachabteilung.',
  ],
  parts: [
    'Für welches Fahrzeug (Modell, Baujahr, Fahrzeug-Identifizierungsnummer aus dem Fahrzeugschein)?',
    'Welches Teil oder Zubehör genau? Original- oder Alternativteil?',
    'Selbst abholen, Versand oder Einbau in unserer Werkstatt?',
    'Preis und Lieferzeit nennen; Reservierung bzw. Bestellung anbieten.',
  ],
  complaint: [
    'Zuhören und ausreden lassen – nicht unterbrechen, nicht rechtfertigen.',
    'Zusammenfassen: „Habe ich Sie richtig verstanden, dass …?“ Betroffenes Fahrzeug, Datum, beteiligte Personen notieren.',
    'Was wäre für Sie eine gute Lösung?',
    'Nächste Schritte vereinbaren: wer, was, bis wann. Zusage nur machen, wenn sie einhaltbar ist.',
    'Bedanken für die Offenheit; Rückmeldung zum vereinbarten Zeitpunkt zusagen.',
  ],
  general: [
    'Worum geht es? Anliegen zusammenfassen und bestätigen lassen.',
    'Betrifft es ein Fahrzeug, einen Vertrag oder einen Termin?',
    'Wer kann das Anliegen am besten klären? Ggf. Weiterleitung mit Rückrufzusage.',
  ],
};

function phoneScript(type: RequestType): string {
  const questions = QUESTIONS[type].map((q) => `• ${q}`).join('\n');
  return [
    'Begrüßung:',
    '„{{location.name}}, {{user.name}}, guten Tag. Spreche ich mit {{customer.salutation}}?“',
    '',
    'Anlass:',
    `„${TOPIC[type].purpose}. Ihre Vorgangsnummer ist {{request.number}}. Passt es Ihnen gerade für ein paar Minuten?“`,
    '',
    'Fragen:',
    questions,
    '',
    'Abschluss:',
    '• Vereinbartes zusammenfassen und bestätigen lassen.',
    '• Erreichbarkeit für Rückfragen klären (Telefon, E-Mail, beste Uhrzeit).',
    '„Vielen Dank für das Gespräch. Sie erreichen mich direkt unter {{user.phone}}.“',
    '',
    'Danach: Gespräch wörtlich als Kontaktversuch notieren – was gesagt und was angeboten wurde.',
  ].join('\n');
}

function voicemail(type: RequestType): string {
  return [
    'Guten Tag {{customer.salutation}}, hier ist {{user.name}} vom {{location.name}}.',
    'Wir haben Ihre Anfrage erhalten und kümmern uns darum.',
    type === 'complaint'
      ? 'Ihr Anliegen ist uns wichtig, und wir möchten es gern persönlich mit Ihnen besprechen.'
      : null,
    'Wir rufen Sie zurück; gern können Sie uns auch direkt unter {{location.phone}} erreichen.',
    'Ihre Vorgangsnummer ist {{request.number}}. Vielen Dank und auf Wiederhören.',
  ]
    .filter(Boolean)
    .join(' ');
}

const EMAIL_ASK: Record<RequestType, string> = {
  sales_lead:
    'Gern beraten wir Sie persönlich, nennen Ihnen ein Angebot und vereinbaren eine Probefahrt. Teilen Sie uns bitte mit, wann wir Sie am besten telefonisch erreichen – oder ob Sie ein Fahrzeug in Zahlung geben und finanzieren oder leasen möchten.',
  service_appointment:
    'Damit wir Ihnen einen passenden Termin anbieten können, nennen Sie uns bitte Ihren Wunschtermin, den aktuellen Kilometerstand und ob Sie einen Ersatzwagen benötigen.',
  callback:
    'Leider konnten wir Sie telefonisch nicht erreichen. Teilen Sie uns bitte mit, wann wir Sie am besten anrufen können.',
  parts:
    'Damit wir das richtige Teil für Sie finden, senden Sie uns bitte die Fahrzeug-Identifizierungsnummer (Feld E im Fahrzeugschein) oder ein Foto des Fahrzeugscheins.',
  complaint:
    'Wir möchten die Angelegenheit gern persönlich mit Ihnen klären. Teilen Sie uns bitte mit, wann wir Sie am besten telefonisch erreichen – oder antworten Sie einfach auf diese E-Mail.',
  general:
    'Teilen Sie uns bitte mit, wann wir Sie am besten telefonisch erreichen, oder antworten Sie einfach auf diese E-Mail.',
};

function email(type: RequestType): TemplateText {
  return {
    subject: TOPIC[type].emailSubject,
    body: [
      'Guten Tag {{customer.salutation}},',
      '',
      TOPIC[type].emailPurpose,
      type === 'callback' ? null : 'Wir haben versucht, Sie telefonisch zu erreichen, leider ohne Erfolg.',
      '',
      EMAIL_ASK[type],
      '',
      'Ihre Vorgangsnummer lautet {{request.number}}; bitte geben Sie sie bei Rückfragen an.',
      '',
      'Mit freundlichen Grüßen',
      '',
      '{{user.name}}',
      '{{location.name}}',
      'Telefon: {{user.phone}}',
    ]
      .filter((line) => line !== null)
      .join('\n'),
  };
}

/** The built-in text of a template; used until a manager saves their own. */
export function defaultTemplate(type: RequestType, kind: TemplateKind): TemplateText {
  if (kind === 'phone_script') return { subject: null, body: phoneScript(type) };
  if (kind === 'voicemail') return { subject: null, body: voicemail(type) };
  return email(type);
}
