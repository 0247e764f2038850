/** ISO 3779: 17 characters, digits and capital letters without I, O and Q. */
export const VIN_PATTERN = /^[A-HJ-NPR-Z0-9]{17}$/;

export function normalizeVin(value: string): string {
  return value.replace(/[\s-]+/g, '').toUpperCase();
}

export function vinProblem(value: string): string | null {
  const vin = normalizeVin(value);
  if (vin.length !== 17) return `must have 17 characters (has ${vin.length})`;
  if (/[IOQ]/.test(vin)) return 'must not contain I, O or Q';
  if (!VIN_PATTERN.test(vin)) return 'may contain only digits and letters A–Z';
  return null;
}

/**
 * German licence plates: district code (1–3 letters, umlauts allowed), 1–2
 * letters, 1–4 digits, optional E (electric) or H (historic).
 * "M-AB 1234", "M AB 1234" and "mab1234" are the same plate.
 */
const PLATE_PATTERN = /^([A-ZÄÖÜ]{1,3})[-\s]*([A-Z]{1,2})[-\s]*([1-9]\d{0,3})([EH]?)$/;

export function normalizePlate(value: string): string {
  return value.toUpperCase().replace(/[^A-Z0-9ÄÖÜ]/g, '');
}

/** The plate in its usual written form, or null when it is not a German plate. */
export function formatPlate(value: string): string | null {
  const match = PLATE_PATTERN.exec(value.trim().toUpperCase());
  if (!match) return null;
  const [, district, letters, digits, suffix] = match;
  return `${district}-${letters} ${digits}${suffix}`;
}
