import type { Faker } from '@faker-js/faker';
import type { LostReason, RequestChannel, RequestType } from '@shared/requests/enums';
import { MAKES } from './customers-data';

/** How often each type arrives at a dealership, roughly. */
export const TYPE_WEIGHTS: Array<{ value: RequestType; weight: number }> = [
  { value: 'sales_lead', weight: 30 },
  { value: 'service_appointment', weight: 28 },
  { value: 'callback', weight: 18 },
  { value: 'parts', weight: 9 },
  { value: 'complaint', weight: 6 },
  { value: 'general', weight: 9 },
];

/** Channels per type: leads come from portals and web forms, service requests mostly by phone. */
export const CHANNELS_BY_TYPE: Record<RequestType, Array<{ value: RequestChannel; weight: number }>> = {
  sales_lead: [
    { value: 'lead_portal', weight: 35 },
    { value: 'web_form', weight: 25 },
    { value: 'phone', weight: 15 },
    { value: 'walk_in', weight: 12 },
    { value: 'email', weight: 8 },
    { value: 'social_media', weight: 5 },
  ],
  service_appointment: [
    { value: 'phone', weight: 55 },
    { value: 'web_form', weight: 25 },
    { value: 'email', weight: 12 },
    { value: 'walk_in', weight: 8 },
  ],
  callback: [
    { value: 'phone', weight: 85 },
    { value: 'walk_in', weight: 15 },
  ],
  parts: [
    { value: 'phone', weight: 45 },
    { value: 'email', weight: 30 },
    { value: 'walk_in', weight: 15 },
    { value: 'web_form', weight: 10 },
  ],
  complaint: [
    { value: 'email', weight: 45 },
    { value: 'phone', weight: 30 },
    { value: 'letter', weight: 15 },
    { value: 'social_media', weight: 10 },
  ],
  general: [
    { value: 'email', weight: 40 },
    { value: 'phone', weight: 35 },
    { value: 'web_form', weight: 15 },
    { value: 'social_media', weight: 10 },
  ],
};

export const SOURCES: Partial<Record<RequestChannel, string[]>> = {
  lead_portal: ['mobile.de', 'AutoScout24', 'Herstellerportal'],
  web_form: ['Website Kontaktformular', 'Website Terminbuchung', 'Website Fahrzeugsuche'],
  social_media: ['Facebook', 'Instagram'],
};

export const LOST_WEIGHTS: Array<{ value: LostReason; weight: number }> = [
  { value: 'bought_elsewhere', weight: 30 },
  { value: 'no_interest', weight: 22 },
  { value: 'price', weight: 20 },
  { value: 'not_reached', weight: 14 },
  { value: 'no_stock', weight: 8 },
  { value: 'duplicate', weight: 4 },
  { value: 'other', weight: 2 },
];

export interface RequestText {
  subject: string;
  message: string;
  brand: string | null;
  vehicleInterest: Record<string, unknown> | null;
}

function car(f: Faker) {
  const make = f.helpers.weightedArrayElement(MAKES.map((m) => ({ value: m, weight: m.weight })));
  const model = f.helpers.arrayElement(make.models);
  return { make: make.make, model: model.model, variant: f.helpers.arrayElement(model.variants) };
}

/** A subject and the customer's own words, as they would write or say them. */
export function requestText(f: Faker, type: RequestType): RequestText {
  const c = car(f);
  const km = f.number.int({ min: 8, max: 180 }) * 1000;
  const label = `${c.make} ${c.model}`;
  switch (type) {
    case 'sales_lead': {
      const used = f.datatype.boolean({ probability: 0.45 });
      const price = f.number.int({ min: 18, max: 65 }) * 1000;
      const ask = f.helpers.arrayElement([
        `Ist der ${label} ${c.variant} noch verfügbar? Ich würde ihn gern Probe fahren.`,
        `Ich interessiere mich für den ${label}. Was wäre mein ${f.helpers.arrayElement(['Opel Astra', 'Ford Focus', 'Skoda Fabia', 'Toyota Yaris'])} (Bj. ${f.number.int({ min: 2012, max: 2020 })}) noch wert?`,
        `Bitte um ein Leasingangebot für den ${label} ${c.variant}, 36 Monate, 10.000 km im Jahr.`,
        `Können Sie mir ein Finanzierungsangebot für den ${label} machen? Anzahlung ca. ${f.number.int({ min: 2, max: 10 })}.000 €.`,
        `Wir suchen einen Familienwagen, gern ${label}. Wann kann man vorbeikommen?`,
      ]);
      return {
        subject: `${used ? 'Gebrauchtwagen' : 'Neuwagen'}: ${label} ${c.variant}`,
        message: ask,
        brand: c.make,
        vehicleInterest: { make: c.make, model: c.model, variant: c.variant, condition: used ? 'used' : 'new', price },
      };
    }
    case 'service_appointment': {
      const job = f.helpers.arrayElement([
        ['Inspektion', `Die Inspektion ist fällig, Kilometerstand ca. ${km.toLocaleString('de-DE')} km.`],
        ['Reifenwechsel', 'Bitte Winterreifen runter, Sommerreifen drauf. Die Räder lagern bei Ihnen.'],
        ['HU/AU', 'Der TÜV läuft nächsten Monat ab. Können Sie HU/AU mit machen?'],
        ['Bremsen quietschen', 'Seit ein paar Tagen quietschen die Bremsen beim Anhalten.'],
        ['Motorkontrollleuchte', 'Die Motorkontrollleuchte ist an, der Wagen fährt aber normal.'],
        ['Klimaservice', 'Die Klimaanlage kühlt kaum noch. Bitte Klimaservice.'],
        ['Ölwechsel', 'Ölwechsel bitte, gern mit Ersatzwagen.'],
      ]);
      return {
        subject: `${job[0]} ${label}`,
        message:
          `${job[1]} ${f.helpers.arrayElement(['Am liebsten vormittags.', 'Ich bräuchte einen Ersatzwagen.', 'Ich kann den Wagen morgens bringen.', ''])}`.trim(),
        brand: c.make,
        vehicleInterest: null,
      };
    }
    case 'callback': {
      const about = f.helpers.arrayElement([
        ['Rückruf wegen Rechnung', 'Kunde hat eine Frage zur letzten Werkstattrechnung.'],
        ['Rückruf Angebot', 'Kunde möchte über das Angebot vom letzten Besuch sprechen.'],
        ['Rückruf Werkstatttermin', 'Kunde möchte einen Termin, hat aber gerade keine Zeit – bitte zurückrufen.'],
        ['Rückruf Verkäufer', 'Kunde möchte seinen Verkäufer sprechen, war nicht am Platz.'],
        ['Rückruf Garantie', 'Frage, ob eine Reparatur noch unter die Garantie fällt.'],
      ]);
      return { subject: about[0]!, message: `${about[1]} (${label})`, brand: c.make, vehicleInterest: null };
    }
    case 'parts': {
      const part = f.helpers.arrayElement([
        'Satz Fußmatten',
        'Dachträger',
        'Anhängerkupplung',
        'Scheibenwischer vorn',
        'Kompletträder Winter',
        'Außenspiegelglas links',
        'Ladekabel Typ 2',
      ]);
      return {
        subject: `Teileanfrage: ${part} für ${label}`,
        message: `Was kostet ${part} für meinen ${label}? Ist das vorrätig?`,
        brand: c.make,
        vehicleInterest: null,
      };
    }
    case 'complaint': {
      const issue = f.helpers.arrayElement([
        [
          'Liefertermin erneut verschoben',
          `Der Liefertermin für meinen ${label} wurde schon wieder verschoben. Das ist jetzt das dritte Mal.`,
        ],
        [
          'Fahrzeug nach Werkstatt verschmutzt',
          'Nach der Inspektion war der Innenraum schmutzig und der Sitz verstellt.',
        ],
        [
          'Rechnung höher als Kostenvoranschlag',
          'Die Rechnung liegt deutlich über dem Kostenvoranschlag, ohne dass man mich angerufen hat.',
        ],
        ['Fehler nicht behoben', 'Das Geräusch ist nach der Reparatur immer noch da.'],
        ['Keine Rückmeldung', 'Ich habe schon zweimal angerufen und nie einen Rückruf bekommen.'],
      ]);
      return { subject: issue[0]!, message: issue[1]!, brand: c.make, vehicleInterest: null };
    }
    default: {
      const q = f.helpers.arrayElement([
        ['Öffnungszeiten an Feiertagen', 'Haben Sie zwischen den Jahren geöffnet?'],
        ['Frage zur Fahrzeugübergabe', 'Was muss ich zur Fahrzeugübergabe mitbringen?'],
        ['Anfrage Firmenflotte', 'Wir möchten unsere Firmenflotte (8 Fahrzeuge) umstellen. Wer ist zuständig?'],
        ['Wallbox-Installation', 'Bieten Sie auch die Installation einer Wallbox an?'],
        ['Unterlagen Zulassung', 'Ich brauche eine Kopie der Zulassungsbescheinigung Teil II.'],
      ]);
      return { subject: q[0]!, message: q[1]!, brand: null, vehicleInterest: null };
    }
  }
}

/** What a done request achieved, per type. */
export const OUTCOMES: Record<RequestType, string[]> = {
  sales_lead: [
    'Probefahrt vereinbart',
    'Angebot erstellt und zugesandt',
    'Kaufvertrag unterschrieben',
    'Beratungstermin vereinbart',
  ],
  service_appointment: [
    'Werkstatttermin vereinbart',
    'Termin mit Ersatzwagen gebucht',
    'Termin für Reifenwechsel gebucht',
  ],
  callback: ['Rückruf erledigt, Frage geklärt', 'Rückruf erledigt, Termin vereinbart', 'An Verkäufer übergeben'],
  parts: ['Teil bestellt, Abholung vereinbart', 'Angebot per E-Mail geschickt', 'Teil vorrätig, Kunde holt ab'],
  complaint: ['Entschuldigt, Kulanz gewährt', 'Nachbesserung vereinbart', 'Sachverhalt geklärt, Kunde zufrieden'],
  general: ['Auskunft erteilt', 'Unterlagen zugeschickt', 'An zuständige Abteilung weitergeleitet'],
};

/** What staff write down after talking to the customer (R3.4: verbatim). */
export const REACHED_NOTES = [
  'Kunde erreicht, Anliegen besprochen. Angebot: Termin nächste Woche, Kunde sagt zu.',
  'Mit Kundin gesprochen, Wunschtermin aufgenommen, Bestätigung per E-Mail zugesagt.',
  'Kunde erreicht. Er möchte erst mit seiner Frau sprechen und meldet sich bis Freitag.',
  'Gespräch geführt, Preis genannt; Kunde überlegt noch.',
  'Kundin erreicht, alles geklärt. Sie war sehr freundlich.',
];
export const FAILED_NOTES = [
  'Keine Annahme.',
  'Mailbox, Nachricht hinterlassen: wir rufen zurück.',
  'Besetzt.',
  'Freizeichen, niemand geht ran.',
];
export const EMAIL_NOTE = 'Telefonisch dreimal nicht erreicht – E-Mail mit Rückrufbitte und Vorgangsnummer gesendet.';
