/** Country names and ISO-3 codes seen in German leads and forms; two letters are an ISO 3166 alpha-2 code. */
const COUNTRIES: Record<string, string> = {
  d: 'DE',
  deu: 'DE',
  deutschland: 'DE',
  germany: 'DE',
  bundesrepublikdeutschland: 'DE',
  a: 'AT',
  aut: 'AT',
  oesterreich: 'AT',
  austria: 'AT',
  ch: 'CH',
  che: 'CH',
  schweiz: 'CH',
  switzerland: 'CH',
  nld: 'NL',
  niederlande: 'NL',
  netherlands: 'NL',
  fra: 'FR',
  frankreich: 'FR',
  france: 'FR',
  pol: 'PL',
  polen: 'PL',
  poland: 'PL',
  lux: 'LU',
  luxemburg: 'LU',
  luxembourg: 'LU',
  bel: 'BE',
  belgien: 'BE',
  belgium: 'BE',
  dnk: 'DK',
  daenemark: 'DK',
  denmark: 'DK',
  ita: 'IT',
  italien: 'IT',
  italy: 'IT',
  cze: 'CZ',
  tschechien: 'CZ',
  czechia: 'CZ',
};

const fold = (value: string) =>
  value
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/[\s_\-./]+/g, '');

/** "Österreich", "AUT", "at" → "AT"; null when the text names no country we know. */
export function countryCodeOf(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const folded = fold(raw.trim());
  if (COUNTRIES[folded]) return COUNTRIES[folded];
  return /^[a-z]{2}$/.test(folded) ? folded.toUpperCase() : null;
}
