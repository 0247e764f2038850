/**
 * Word lists for generated data. Chosen so the search bar meets the cases it
 * must handle: umlauts and their transliterations (Müller/Mueller), ß, common
 * names shared by thousands of contacts, and rare ones.
 */
// prettier-ignore
export const FIRST_NAMES = [
  'Hans', 'Peter', 'Klaus', 'Jürgen', 'Thomas', 'Michael', 'Andreas', 'Stefan', 'Wolfgang', 'Uwe', 'Frank',
  'Jörg', 'Matthias', 'Markus', 'Christian', 'Sebastian', 'Tobias', 'Lukas', 'Jonas', 'Felix', 'Maximilian',
  'Paul', 'Leon', 'Finn', 'Niklas', 'Dieter', 'Günter', 'Horst', 'Helmut', 'Gerhard', 'Ursula', 'Monika',
  'Petra', 'Sabine', 'Andrea', 'Claudia', 'Susanne', 'Birgit', 'Karin', 'Renate', 'Julia', 'Anna', 'Laura',
  'Lena', 'Sarah', 'Katharina', 'Sophie', 'Marie', 'Hannah', 'Lea', 'Jürgen', 'Björn', 'Sören', 'Käthe',
  'Gisela', 'Brigitte', 'Heike', 'Nicole', 'Stephanie', 'Christina', 'Ömer', 'Mehmet', 'Ayşe', 'Elif', 'Luca',
  'Marco', 'Giulia', 'Piotr', 'Agnieszka', 'Dimitri',
];

// prettier-ignore
export const LAST_NAMES = [
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann',
  'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann',
  'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Schmitt', 'Werner', 'Schmitz', 'Krause', 'Meier',
  'Lehmann', 'Schmid', 'Schulze', 'Maier', 'Köhler', 'Herrmann', 'König', 'Walter', 'Mayer', 'Huber', 'Kaiser',
  'Fuchs', 'Peters', 'Lang', 'Scholz', 'Möller', 'Weiß', 'Jung', 'Hahn', 'Schubert', 'Vogel', 'Friedrich',
  'Keller', 'Günther', 'Frank', 'Berger', 'Winkler', 'Roth', 'Beck', 'Lorenz', 'Baumann', 'Franke', 'Albrecht',
  'Schuster', 'Simon', 'Ludwig', 'Böhm', 'Winter', 'Kraus', 'Martin', 'Schumacher', 'Krämer', 'Vogt', 'Stein',
  'Jäger', 'Otto', 'Sommer', 'Groß', 'Seidel', 'Heinrich', 'Brandt', 'Haas', 'Schreiber', 'Graf', 'Schulte',
  'Dietrich', 'Ziegler', 'Kuhn', 'Kühn', 'Pohl', 'Engel', 'Horn', 'Busch', 'Bergmann', 'Thomas', 'Voigt',
  'Sauer', 'Arnold', 'Wolff', 'Pfeiffer', 'Mueller', 'Moeller', 'Schaefer', 'Yılmaz', 'Kaya', 'Nowak',
  'Kowalski', 'Rossi', 'Papadopoulos', 'Öztürk', 'Oberhuber', 'Grünwald', 'Stößel', 'Däubler', 'Übelacker',
  'Obermüller', 'Eichhorn', 'Rübsamen', 'Höß', 'Kießling',
];

// prettier-ignore
export const SURNAME_STEMS = [
  'Ober', 'Unter', 'Hoch', 'Stein', 'Kirch', 'Wald', 'Berg', 'Bach', 'Lind', 'Eich', 'Rosen', 'Wein', 'Feld',
  'Gold', 'Brunn', 'Alt', 'Neu', 'Groß', 'Klein', 'Hof', 'Schön', 'Grün', 'Roth', 'Weiß', 'Kalt', 'Sonnen',
  'Mühl', 'Dorf', 'Moos', 'Brück',
];
// prettier-ignore
export const SURNAME_ENDINGS = [
  'mann', 'er', 'huber', 'bauer', 'meier', 'maier', 'müller', 'hofer', 'berger', 'brunner', 'hammer', 'moser',
  'gruber', 'lechner', 'wieser', 'schmidt', 'reiter', 'egger', 'thaler', 'wimmer', 'köhler', 'schneider',
  'felder', 'ritter', 'häuser',
];

// prettier-ignore
export const COMPANY_FORMS = [
  'GmbH', 'GmbH & Co. KG', 'AG', 'e.K.', 'KG', 'OHG'];
// prettier-ignore
export const COMPANY_TRADES = [
  'Bau', 'Logistik',
  'Elektro', 'Immobilien', 'Transporte', 'Gartenbau', 'Dachdeckerei', 'Pflegedienst', 'Sanitär',
  'Autovermietung',
];

export const VEHICLE_MODELS: Array<[make: string, model: string, wmi: string]> = [
  ['VW', 'Golf', 'WVW'],
  ['VW', 'Passat', 'WVW'],
  ['VW', 'Tiguan', 'WVG'],
  ['VW', 'ID.3', 'WVW'],
  ['VW', 'Polo', 'WVW'],
  ['Audi', 'A3', 'WAU'],
  ['Audi', 'A4', 'WAU'],
  ['Audi', 'Q5', 'WAU'],
  ['BMW', '3er', 'WBA'],
  ['BMW', 'X1', 'WBA'],
  ['Mercedes-Benz', 'C-Klasse', 'WDD'],
  ['Mercedes-Benz', 'Sprinter', 'WDB'],
  ['Skoda', 'Octavia', 'TMB'],
  ['Skoda', 'Fabia', 'TMB'],
  ['Seat', 'Leon', 'VSS'],
  ['Opel', 'Astra', 'W0L'],
  ['Opel', 'Corsa', 'W0L'],
  ['Ford', 'Focus', 'WF0'],
  ['Ford', 'Transit', 'WF0'],
  ['Cupra', 'Formentor', 'VSS'],
];

/** District codes of licence plates; the first few dominate like big cities do. */
// prettier-ignore
export const PLATE_DISTRICTS = [
  'M', 'S', 'F', 'HH', 'B', 'K', 'DA', 'LB', 'ES', 'FS', 'RO', 'OF', 'BB', 'WN', 'GÖ', 'LÖ',
];

export const LOCATIONS = [
  { code: 'MUC', name: 'Autohaus Beispiel München', city: 'München', postalCode: '80331', state: 'BY', area: '89' },
  {
    code: 'STR',
    name: 'Autohaus Beispiel Stuttgart',
    city: 'Stuttgart',
    postalCode: '70173',
    state: 'BW',
    area: '711',
  },
  {
    code: 'FRA',
    name: 'Autohaus Beispiel Frankfurt',
    city: 'Frankfurt am Main',
    postalCode: '60311',
    state: 'HE',
    area: '69',
  },
  { code: 'HAM', name: 'Autohaus Beispiel Hamburg', city: 'Hamburg', postalCode: '20095', state: 'HH', area: '40' },
] as const;

/** A SQL array literal of strings, for generate_series based generation. */
export function sqlArray(values: readonly string[]): string {
  return `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]::text[]`;
}

/**
 * normalizeName() (src/shared/contacts/normalize.ts) in SQL, for the generated
 * names: lower case, ß → ss, accents off, ae/oe/ue folded, punctuation to spaces.
 * The benchmark checks a sample against the TypeScript function.
 */
export function normalizeNameSql(expr: string): string {
  const folded = `translate(replace(lower(${expr}), 'ß', 'ss'), 'äöüáàâéèêíìóòôúùşçğ', 'aouaaaeeeiiooouuscg')`;
  return `btrim(regexp_replace(replace(replace(replace(${folded}, 'ae', 'a'), 'oe', 'o'), 'ue', 'u'), '[^a-z0-9@.+]+', ' ', 'g'))`;
}
