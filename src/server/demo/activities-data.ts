import type { ActivityResult, ActivityType } from '@shared/activities/enums';

/** What a subject may mention: a car the customer is interested in, or the customer's own vehicle. */
export interface SubjectContext {
  /** "VW Tiguan" */
  car: string;
  /** The customer's vehicle: "M-AB 1234 (VW Golf)", or the car when they have none on record. */
  vehicle: string;
}

export interface ResultText {
  value: ActivityResult;
  weight: number;
  /** What the colleague wrote when completing it, verbatim. */
  notes: string[];
}

/** One kind of activity a person in this role plans in a normal week. */
export interface ActivityTemplate {
  type: ActivityType;
  subjects: Array<(c: SubjectContext) => string>;
  /** How often it comes up among the role's activities. */
  weight: number;
  /** An appointment's length in minutes; none for a task. */
  minutes?: number;
  places?: string[];
  /** Share of the tasks planned for a day rather than a time. */
  allDayShare?: number;
  /** Without a customer: a team meeting, a list to check. */
  noContact?: boolean;
  /** About the customer's vehicle (a service visit, a delivery). */
  withVehicle?: boolean;
  notes?: string[];
  results: ResultText[];
  /** What is planned after this result, as a colleague would when completing it. */
  followUps?: Partial<Record<ActivityResult, { type: ActivityType; subject: string; afterDays: [number, number] }>>;
}

const reached = (weight: number, notes: string[]): ResultText => ({ value: 'reached', weight, notes });
const notReached = (weight: number): ResultText => ({
  value: 'not_reached',
  weight,
  notes: [
    'Mailbox, um Rückruf gebeten.',
    'Nicht erreicht, Festnetz besetzt.',
    'Zweimal angerufen, niemand abgenommen.',
    'Nur die Ehefrau erreicht, ruft morgen zurück.',
  ],
});
const kept = (weight: number, notes: string[]): ResultText => ({ value: 'kept', weight, notes });
const noShow = (weight: number): ResultText => ({
  value: 'no_show',
  weight,
  notes: [
    'Kunde nicht erschienen, telefonisch nicht erreichbar.',
    'Kunde hat kurzfristig abgesagt (krank), neuen Termin anbieten.',
  ],
});
const done = (notes: string[]): ResultText => ({ value: 'done', weight: 1, notes });

export const SALES_TEMPLATES: ActivityTemplate[] = [
  {
    type: 'test_drive',
    weight: 5,
    minutes: 60,
    places: ['Showroom', 'Showroom', 'Probefahrt-Parkplatz'],
    subjects: [(c) => `Probefahrt ${c.car}`, (c) => `Probefahrt ${c.car} mit Ehepartner`],
    notes: ['Führerschein vorab kopieren.', 'Fahrzeug vollgetankt bereitstellen.'],
    results: [
      kept(8, [
        'Probefahrt über 45 Minuten, Kunde begeistert vom Fahrverhalten. Wünscht Angebot mit Inzahlungnahme.',
        'Gefahren mit Frau und Sohn, Kofferraum passt für den Kinderwagen. Angebot Leasing 36 Monate gewünscht.',
        'Kurze Runde über die Autobahn. Assistenzsysteme überzeugt, Preis noch zu hoch.',
      ]),
      noShow(1),
    ],
    followUps: {
      kept: { type: 'offer_follow_up', subject: 'Angebot nach Probefahrt nachfassen', afterDays: [2, 4] },
      no_show: { type: 'call', subject: 'Neuen Probefahrttermin vereinbaren', afterDays: [1, 2] },
    },
  },
  {
    type: 'delivery',
    weight: 2,
    minutes: 90,
    places: ['Übergabeplatz', 'Auslieferungshalle'],
    withVehicle: true,
    subjects: [(c) => `Fahrzeugübergabe ${c.car}`, (c) => `Auslieferung ${c.car} mit Einweisung`],
    notes: ['Zulassung und Kennzeichen liegen vor.', 'Fußmatten und Winterräder mitgeben.'],
    results: [
      kept(1, [
        'Fahrzeug übergeben, Einweisung Infotainment und Assistenzsysteme. Kunde sehr zufrieden.',
        'Übergabe mit Sekt und Blumen, App eingerichtet, Ladekarte erklärt.',
      ]),
    ],
    followUps: {
      kept: { type: 'satisfaction_call', subject: 'Zufriedenheitsanruf nach Auslieferung', afterDays: [5, 7] },
    },
  },
  {
    type: 'appointment',
    weight: 3,
    minutes: 45,
    places: ['Showroom', 'Büro Verkauf'],
    subjects: [
      (c) => `Beratungstermin ${c.car}`,
      (c) => `Inzahlungnahme bewerten: ${c.vehicle}`,
      () => 'Finanzierungsgespräch mit Bankberater',
      () => 'Kaufvertrag unterschreiben',
    ],
    results: [
      kept(6, [
        'Konfiguration gemeinsam erstellt, Angebot folgt per E-Mail.',
        'Inzahlungnahme begutachtet, Kunde möchte Bedenkzeit bis Freitag.',
        'Vertrag unterschrieben, Liefertermin in ca. 10 Wochen.',
      ]),
      noShow(1),
    ],
    followUps: {
      kept: { type: 'offer_follow_up', subject: 'Angebot nachfassen', afterDays: [3, 5] },
    },
  },
  {
    type: 'offer_follow_up',
    weight: 5,
    allDayShare: 0.4,
    subjects: [(c) => `Angebot ${c.car} nachfassen`, (c) => `Leasingangebot ${c.car} nachfassen`],
    results: [
      reached(3, [
        'Kunde vergleicht noch mit Angebot vom Mitbewerber, meldet sich Anfang nächster Woche.',
        'Angebot passt, Kunde will noch die Rate mit 15.000 km statt 10.000 km sehen.',
      ]),
      { value: 'appointment_made', weight: 2, notes: ['Termin zur Vertragsunterschrift vereinbart.'] },
      { value: 'offer_sent', weight: 1, notes: ['Überarbeitetes Angebot mit Hauspreis per E-Mail gesendet.'] },
      {
        value: 'not_interested',
        weight: 1,
        notes: ['Hat woanders gekauft (Rabatt 18 %).', 'Projekt verschoben auf nächstes Jahr.'],
      },
      notReached(2),
    ],
    followUps: {
      reached: { type: 'offer_follow_up', subject: 'Angebot erneut nachfassen', afterDays: [3, 6] },
      not_reached: { type: 'call', subject: 'Erneut anrufen wegen Angebot', afterDays: [1, 2] },
      offer_sent: { type: 'offer_follow_up', subject: 'Überarbeitetes Angebot nachfassen', afterDays: [3, 5] },
    },
  },
  {
    type: 'call',
    weight: 4,
    allDayShare: 0.2,
    subjects: [
      (c) => `Rückruf: Frage zur Lieferzeit ${c.car}`,
      () => 'Rückruf wegen Leasingrückgabe',
      (c) => `Rückruf: Ausstattung ${c.car} klären`,
      () => 'Wunschkennzeichen abstimmen',
    ],
    results: [
      reached(4, [
        'Lieferzeit derzeit 12 Wochen, Kunde einverstanden.',
        'Fragen geklärt, Kunde meldet sich nach Rücksprache mit der Familie.',
      ]),
      { value: 'appointment_made', weight: 2, notes: ['Termin zur Probefahrt am Samstag vereinbart.'] },
      notReached(2),
    ],
    followUps: {
      not_reached: { type: 'call', subject: 'Erneut anrufen', afterDays: [1, 2] },
      appointment_made: { type: 'test_drive', subject: 'Probefahrt wie telefonisch vereinbart', afterDays: [2, 5] },
    },
  },
  {
    type: 'email',
    weight: 2,
    allDayShare: 0.6,
    subjects: [
      (c) => `Konfiguration ${c.car} per E-Mail senden`,
      () => 'Angebot Winterkompletträder schicken',
      () => 'Unterlagen Finanzierung anfordern',
    ],
    results: [done(['Gesendet.', 'E-Mail mit PDF-Angebot verschickt.'])],
  },
  {
    type: 'satisfaction_call',
    weight: 2,
    subjects: [
      () => 'Zufriedenheitsanruf nach Auslieferung',
      () => 'Nachfrage: alles in Ordnung mit dem neuen Fahrzeug?',
    ],
    withVehicle: true,
    results: [
      reached(4, [
        'Kunde rundum zufrieden, gibt gerne eine Bewertung ab.',
        'Zufrieden, nur die App-Verbindung hakt noch – Termin Service angeboten.',
      ]),
      notReached(1),
    ],
  },
  {
    type: 'repurchase',
    weight: 1,
    allDayShare: 1,
    withVehicle: true,
    subjects: [(c) => `Leasingende ${c.vehicle}: Anschlussangebot`, (c) => `Wiederkauf ansprechen: ${c.vehicle}`],
    results: [
      { value: 'appointment_made', weight: 2, notes: ['Beratungstermin für Nachfolgefahrzeug vereinbart.'] },
      reached(1, ['Kunde möchte verlängern, Angebot Anschlussleasing folgt.']),
      notReached(1),
    ],
  },
];

export const SERVICE_TEMPLATES: ActivityTemplate[] = [
  {
    type: 'appointment',
    weight: 5,
    minutes: 30,
    places: ['Dialogannahme', 'Werkstattannahme'],
    withVehicle: true,
    subjects: [
      (c) => `Fahrzeugannahme Inspektion ${c.vehicle}`,
      (c) => `Dialogannahme Bremsen ${c.vehicle}`,
      (c) => `Räderwechsel ${c.vehicle}`,
      (c) => `HU/AU ${c.vehicle}`,
    ],
    results: [
      kept(8, [
        'Fahrzeug angenommen, Ersatzwagen mitgegeben. Zusatzarbeiten nur nach Rückfrage.',
        'Annahme mit Kunde am Fahrzeug, Steinschlag in der Frontscheibe notiert.',
        'Räder gewechselt, Profil hinten 3 mm – neue Reifen im Frühjahr empfohlen.',
      ]),
      noShow(1),
    ],
    followUps: {
      kept: { type: 'satisfaction_call', subject: 'Nachfrage nach Werkstattbesuch', afterDays: [2, 4] },
    },
  },
  {
    type: 'service_contact',
    weight: 4,
    allDayShare: 0.7,
    withVehicle: true,
    subjects: [
      (c) => `Inspektion fällig – Termin anbieten (${c.vehicle})`,
      (c) => `HU/AU nächsten Monat fällig: ${c.vehicle}`,
      (c) => `Reifeneinlagerung: Räderwechsel anbieten (${c.vehicle})`,
    ],
    results: [
      { value: 'appointment_made', weight: 3, notes: ['Termin vereinbart, Hol- und Bringservice gewünscht.'] },
      reached(1, ['Kunde lässt die Inspektion beim freien Händler machen.']),
      notReached(2),
    ],
    followUps: {
      appointment_made: { type: 'appointment', subject: 'Fahrzeugannahme wie vereinbart', afterDays: [3, 7] },
      not_reached: { type: 'email', subject: 'Serviceangebot per E-Mail senden', afterDays: [1, 2] },
    },
  },
  {
    type: 'call',
    weight: 4,
    subjects: [
      () => 'Rückruf: Kostenvoranschlag Bremsen freigeben',
      () => 'Kunde informieren: Fahrzeug abholbereit',
      () => 'Rückruf wegen Garantieantrag',
      () => 'Rückruf: Ersatzteil eingetroffen',
    ],
    withVehicle: true,
    results: [
      reached(5, [
        'Kostenvoranschlag 640 € freigegeben, Fertigstellung morgen 16 Uhr.',
        'Kunde holt das Fahrzeug heute bis 18 Uhr ab.',
        'Garantie vom Hersteller genehmigt, Kunde informiert.',
      ]),
      notReached(2),
    ],
    followUps: {
      not_reached: { type: 'call', subject: 'Erneut anrufen', afterDays: [1, 1] },
    },
  },
  {
    type: 'satisfaction_call',
    weight: 2,
    withVehicle: true,
    subjects: [() => 'Nachfrage nach Werkstattbesuch', () => 'Zufriedenheit nach Reparatur erfragen'],
    results: [
      reached(4, ['Alles bestens, Geräusch ist weg.', 'Zufrieden, Rechnung aber höher als erwartet.']),
      notReached(1),
    ],
  },
  {
    type: 'email',
    weight: 1,
    allDayShare: 0.8,
    subjects: [() => 'Kostenvoranschlag per E-Mail senden', () => 'Rechnungskopie für Leasinggesellschaft senden'],
    results: [done(['Gesendet.'])],
  },
];

export const MANAGER_TEMPLATES: ActivityTemplate[] = [
  {
    type: 'appointment',
    weight: 2,
    minutes: 60,
    noContact: true,
    places: ['Besprechungsraum 1', 'Besprechungsraum 2'],
    subjects: [
      () => 'Teambesprechung Wochenstart',
      () => 'Zielgespräch Quartal',
      () => 'Abstimmung Gebrauchtwagenbestand',
    ],
    results: [done(['Protokoll im Teamordner abgelegt.'])],
  },
  {
    type: 'call',
    weight: 3,
    subjects: [
      () => 'Beschwerde: Rückruf Kunde wegen Lackschaden',
      () => 'Kulanzanfrage mit Kunde besprechen',
      () => 'Großkunde: Rahmenvertrag Flotte besprechen',
    ],
    results: [
      reached(3, [
        'Entschuldigt, Kulanz 50 % auf die Lackierung zugesagt. Kunde beruhigt.',
        'Flottenbedarf 12 Fahrzeuge im Frühjahr, Angebot über den Großkundenbereich.',
      ]),
      { value: 'appointment_made', weight: 1, notes: ['Persönliches Gespräch im Haus vereinbart.'] },
      notReached(1),
    ],
    followUps: {
      not_reached: { type: 'call', subject: 'Erneut anrufen', afterDays: [1, 1] },
    },
  },
  {
    type: 'other',
    weight: 2,
    allDayShare: 1,
    noContact: true,
    subjects: [
      () => 'Monatsauswertung Anfragen prüfen',
      () => 'Standzeiten Gebrauchtwagen prüfen',
      () => 'Urlaubsplanung Team abstimmen',
      () => 'Werkstattauslastung nächste Woche planen',
    ],
    results: [done(['Erledigt.', 'Mit dem Team besprochen.'])],
  },
  {
    type: 'satisfaction_call',
    weight: 1,
    subjects: [() => 'Nachfrage nach Beschwerde', () => 'Zufriedenheit nach Kulanzfall erfragen'],
    results: [reached(1, ['Kunde zufrieden mit der Lösung, bleibt Stammkunde.'])],
  },
];

/** Why an activity was cancelled, as people write it. */
export const CANCEL_REASONS = [
  'Kunde hat abgesagt',
  'Fahrzeug noch nicht geliefert',
  'Kunde krank, meldet sich wieder',
  'Doppelt angelegt',
];

/** What a colleague notes when taking a callback with an agreed window. */
export const CALLBACK_NOTE = 'Rückruf im vereinbarten Zeitfenster, Kunde erwartet den Anruf.';
