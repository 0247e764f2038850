/** Static material for the demo customers: where they live, what they drive, what was said. */

export interface Region {
  /** Location code of the demo dealer group (src/server/demo/org.ts). */
  code: string;
  district: string;
  areaCode: string;
  /** Towns around the dealership with a postal code each; the city itself several times. */
  towns: Array<{ city: string; postalCodes: string[] }>;
}

export const REGIONS: Region[] = [
  {
    code: 'MUC',
    district: 'M',
    areaCode: '089',
    towns: [
      {
        city: 'München',
        postalCodes: [
          '80331',
          '80335',
          '80469',
          '80634',
          '80687',
          '80799',
          '80992',
          '81241',
          '81369',
          '81475',
          '81543',
          '81671',
          '81737',
          '81925',
        ],
      },
      { city: 'Germering', postalCodes: ['82110'] },
      { city: 'Dachau', postalCodes: ['85221'] },
      { city: 'Starnberg', postalCodes: ['82319'] },
      { city: 'Unterhaching', postalCodes: ['82008'] },
      { city: 'Garching bei München', postalCodes: ['85748'] },
    ],
  },
  {
    code: 'CGN',
    district: 'K',
    areaCode: '0221',
    towns: [
      {
        city: 'Köln',
        postalCodes: ['50667', '50674', '50733', '50825', '50858', '50933', '50968', '51061', '51103', '51147'],
      },
      { city: 'Frechen', postalCodes: ['50226'] },
      { city: 'Hürth', postalCodes: ['50354'] },
      { city: 'Pulheim', postalCodes: ['50259'] },
      { city: 'Bergisch Gladbach', postalCodes: ['51465'] },
    ],
  },
  {
    code: 'LEJ',
    district: 'L',
    areaCode: '0341',
    towns: [
      {
        city: 'Leipzig',
        postalCodes: ['04103', '04109', '04155', '04177', '04229', '04277', '04315', '04347', '04349'],
      },
      { city: 'Markkleeberg', postalCodes: ['04416'] },
      { city: 'Taucha', postalCodes: ['04425'] },
      { city: 'Schkeuditz', postalCodes: ['04435'] },
    ],
  },
];

export const MOBILE_PREFIXES = [
  '0151',
  '0152',
  '0157',
  '0160',
  '0162',
  '0170',
  '0171',
  '0172',
  '0173',
  '0175',
  '0176',
  '0177',
  '0178',
  '0179',
];
export const EMAIL_PROVIDERS = [
  'web.de',
  'gmx.de',
  't-online.de',
  'gmail.com',
  'outlook.de',
  'posteo.de',
  'freenet.de',
  'icloud.com',
];

export type DemoFuel = 'petrol' | 'diesel' | 'hybrid' | 'plugin_hybrid' | 'electric';

export interface MakeInfo {
  make: string;
  /** World manufacturer identifier: the VIN's first three characters. */
  wmi: string;
  bank: string;
  models: Array<{ model: string; variants: string[]; fuels: DemoFuel[] }>;
  weight: number;
}

export const MAKES: MakeInfo[] = [
  {
    make: 'VW',
    wmi: 'WVW',
    bank: 'Volkswagen Bank',
    weight: 28,
    models: [
      { model: 'Golf', variants: ['1.5 TSI Life', '2.0 TDI Style', 'GTI'], fuels: ['petrol', 'diesel'] },
      { model: 'Polo', variants: ['1.0 TSI', '1.0 TSI Style'], fuels: ['petrol'] },
      { model: 'Tiguan', variants: ['2.0 TDI 4MOTION', '1.5 eTSI'], fuels: ['diesel', 'petrol', 'plugin_hybrid'] },
      { model: 'Passat Variant', variants: ['2.0 TDI Business', '1.5 eTSI'], fuels: ['diesel', 'petrol'] },
      { model: 'ID.3', variants: ['Pro', 'Pro S'], fuels: ['electric'] },
      { model: 'ID.4', variants: ['Pure', 'Pro 4MOTION'], fuels: ['electric'] },
      { model: 'T-Roc', variants: ['1.0 TSI', '1.5 TSI Style'], fuels: ['petrol'] },
    ],
  },
  {
    make: 'Audi',
    wmi: 'WAU',
    bank: 'Audi Bank',
    weight: 14,
    models: [
      { model: 'A3 Sportback', variants: ['35 TFSI', '40 TFSI e'], fuels: ['petrol', 'plugin_hybrid'] },
      { model: 'A4 Avant', variants: ['40 TDI quattro', '35 TFSI'], fuels: ['diesel', 'petrol'] },
      { model: 'A6 Avant', variants: ['45 TDI quattro', '50 TFSI e'], fuels: ['diesel', 'plugin_hybrid'] },
      { model: 'Q3', variants: ['35 TFSI', '45 TFSI e'], fuels: ['petrol', 'plugin_hybrid'] },
      { model: 'Q4 e-tron', variants: ['40', '45 quattro'], fuels: ['electric'] },
    ],
  },
  {
    make: 'Skoda',
    wmi: 'TMB',
    bank: 'Skoda Financial Services',
    weight: 14,
    models: [
      { model: 'Octavia Combi', variants: ['2.0 TDI Style', '1.5 TSI Ambition'], fuels: ['diesel', 'petrol'] },
      { model: 'Fabia', variants: ['1.0 TSI'], fuels: ['petrol'] },
      { model: 'Kodiaq', variants: ['2.0 TDI 4x4'], fuels: ['diesel'] },
      { model: 'Enyaq', variants: ['60', '85'], fuels: ['electric'] },
    ],
  },
  {
    make: 'Seat',
    wmi: 'VSS',
    bank: 'Seat Financial Services',
    weight: 6,
    models: [
      { model: 'Ibiza', variants: ['1.0 TSI FR'], fuels: ['petrol'] },
      { model: 'Leon Sportstourer', variants: ['1.5 eTSI'], fuels: ['petrol', 'hybrid'] },
      { model: 'Ateca', variants: ['1.5 TSI Xperience'], fuels: ['petrol'] },
    ],
  },
  {
    make: 'Cupra',
    wmi: 'VSS',
    bank: 'Seat Financial Services',
    weight: 5,
    models: [
      { model: 'Formentor', variants: ['1.5 TSI', 'VZ e-HYBRID'], fuels: ['petrol', 'plugin_hybrid'] },
      { model: 'Born', variants: ['58 kWh'], fuels: ['electric'] },
    ],
  },
  {
    make: 'Ford',
    wmi: 'WF0',
    bank: 'Ford Bank',
    weight: 10,
    models: [
      { model: 'Focus Turnier', variants: ['1.0 EcoBoost', '1.5 EcoBlue'], fuels: ['petrol', 'diesel'] },
      { model: 'Kuga', variants: ['2.5 PHEV', '1.5 EcoBoost'], fuels: ['plugin_hybrid', 'petrol'] },
      { model: 'Transit Custom', variants: ['2.0 EcoBlue Trend'], fuels: ['diesel'] },
      { model: 'Puma', variants: ['1.0 EcoBoost Hybrid'], fuels: ['hybrid'] },
    ],
  },
  {
    make: 'Hyundai',
    wmi: 'TMA',
    bank: 'Hyundai Capital Bank',
    weight: 9,
    models: [
      { model: 'i30 Kombi', variants: ['1.5 T-GDI'], fuels: ['petrol'] },
      { model: 'Tucson', variants: ['1.6 T-GDI Hybrid', '1.6 Plug-in-Hybrid'], fuels: ['hybrid', 'plugin_hybrid'] },
      { model: 'Kona Elektro', variants: ['65 kWh'], fuels: ['electric'] },
      { model: 'Ioniq 5', variants: ['77 kWh AWD'], fuels: ['electric'] },
    ],
  },
  {
    make: 'Opel',
    wmi: 'W0L',
    bank: 'Opel Bank',
    weight: 8,
    models: [
      { model: 'Corsa', variants: ['1.2 Turbo', 'Electric'], fuels: ['petrol', 'electric'] },
      { model: 'Astra Sports Tourer', variants: ['1.2 Turbo', '1.5 Diesel'], fuels: ['petrol', 'diesel'] },
      { model: 'Mokka', variants: ['1.2 Turbo'], fuels: ['petrol'] },
    ],
  },
  {
    make: 'Volvo',
    wmi: 'YV1',
    bank: 'Volvo Car Financial Services',
    weight: 6,
    models: [
      { model: 'XC60', variants: ['B4 Diesel AWD', 'T6 Recharge'], fuels: ['diesel', 'plugin_hybrid'] },
      { model: 'V60', variants: ['B4', 'T6 Recharge'], fuels: ['petrol', 'plugin_hybrid'] },
      { model: 'EX30', variants: ['Single Motor Extended Range'], fuels: ['electric'] },
    ],
  },
];

export const COMPANY_SUFFIXES = ['GmbH', 'GmbH & Co. KG', 'KG', 'e.K.', 'AG', 'OHG'];
export const COMPANY_TRADES = [
  'Bau',
  'Elektrotechnik',
  'Logistik',
  'Pflegedienst',
  'Gartenbau',
  'Immobilien',
  'Sanitär',
  'Steuerberatung',
  'Catering',
  'IT-Service',
];
export const POSITIONS = [
  'Geschäftsführer',
  'Geschäftsführerin',
  'Fuhrparkleiter',
  'Fuhrparkleiterin',
  'Inhaber',
  'Inhaberin',
  'Einkauf',
  'Büroleitung',
];
export const TAGS = ['Stammkunde', 'VIP', 'Newsletter', 'Flotte', 'Werkstattkunde', 'Neukunde'];

export const BLOCK_REASONS = [
  'Offene Werkstattrechnung seit über 90 Tagen, Inkasso beauftragt',
  'Hausverbot nach Beleidigung von Mitarbeitern im Showroom',
  'Mehrfach Probefahrzeug verspätet und beschädigt zurückgegeben',
  'Rücklastschrift, Zahlung nur noch gegen Vorkasse',
];

export const NOTE_TEMPLATES: Array<{ kind: 'call' | 'visit' | 'note'; summary: string; body?: string }> = [
  {
    kind: 'call',
    summary: 'Rückruf wegen Inspektionstermin',
    body: 'Kunde möchte Termin nächste Woche, bevorzugt vormittags.',
  },
  { kind: 'call', summary: 'Anruf: Frage zum Leasingende', body: 'Interesse an Anschlussfahrzeug, Angebot folgt.' },
  { kind: 'call', summary: 'Nicht erreicht, Nachricht auf Mailbox hinterlassen' },
  {
    kind: 'call',
    summary: 'Zufriedenheitsanruf nach Auslieferung',
    body: 'Sehr zufrieden, Weiterempfehlung zugesagt.',
  },
  { kind: 'visit', summary: 'Besuch im Showroom, Probefahrt vereinbart' },
  { kind: 'visit', summary: 'Fahrzeug zum Reifenwechsel gebracht' },
  {
    kind: 'visit',
    summary: 'Beratungsgespräch Elektromobilität',
    body: 'Wallbox-Förderung erklärt, Unterlagen mitgegeben.',
  },
  { kind: 'note', summary: 'Bevorzugt Kontakt per E-Mail' },
  { kind: 'note', summary: 'Winterräder eingelagert (Regal 14B)' },
  { kind: 'note', summary: 'Ehepartner fährt das Zweitfahrzeug' },
];
