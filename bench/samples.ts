import type { Database } from '../src/server/db/client';
import { contactIdSql, vehicleIdSql } from './generate';

/**
 * Queries as people type them, drawn from the generated data so that every
 * one has something to find. Deterministic: the same rows on every run.
 */
export interface Samples {
  nameFragment: string[];
  nameTypo: string[];
  phoneSuffix: string[];
  plate: string[];
  vinSuffix: string[];
  /** Numbers as a PBX sends them, for the caller-id lookup. */
  callerNumbers: string[];
}

const spread = (count: number, total: number, salt: number) =>
  `SELECT 1 + ((i::bigint * ${7919 + salt * 104}) % ${total}) AS n FROM generate_series(1, ${count}) AS i`;

export async function drawSamples(
  database: Database,
  contacts: number,
  vehicles: number,
  count = 200,
): Promise<Samples> {
  const people = await database.query<{ first_name: string; last_name: string }>(
    `SELECT first_name, last_name FROM contacts
      WHERE id IN (SELECT ${contactIdSql('n')} FROM (${spread(count * 2, contacts, 1)}) s) AND kind = 'person'
      LIMIT ${count}`,
  );
  const phones = await database.query<{ e164: string; raw: string }>(
    `SELECT e164, raw FROM contact_phones WHERE contact_id IN (SELECT ${contactIdSql('n')} FROM (${spread(1000, contacts, 2)}) s)`,
  );
  const cars = await database.query<{ plate: string | null; vin: string }>(
    `SELECT plate, vin FROM vehicles WHERE id IN (SELECT ${vehicleIdSql('n')} FROM (${spread(count, vehicles, 3)}) s)`,
  );
  const plates = cars.map((c) => c.plate).filter((p): p is string => p !== null);

  return {
    // "Müll", "Schmid", "Hans Müller": the start of a surname, sometimes with the first name.
    nameFragment: people.map((p, i) =>
      i % 3 === 2 ? `${p.first_name} ${p.last_name}` : p.last_name.slice(0, 4 + (i % 3)),
    ),
    nameTypo: people.map((p, i) => `${typo(p.last_name, i)}${i % 2 === 0 ? ` ${p.first_name}` : ''}`),
    phoneSuffix: phones.slice(0, count).map((p, i) => p.e164.slice(-(4 + (i % 4)))),
    // As written, without punctuation in lower case, and the start of a plate.
    plate: plates.map((plate, i) =>
      i % 3 === 0 ? plate : i % 3 === 1 ? plate.replace(/[-\s]/g, '').toLowerCase() : plate.slice(0, -2),
    ),
    vinSuffix: cars.map((c) => c.vin.slice(-7)),
    callerNumbers: phones.map((p, i) => (i % 2 === 0 ? p.raw : p.e164)),
  };
}

/** One slip of the finger: a letter dropped, two swapped, or one doubled. */
function typo(word: string, seed: number): string {
  const at = 1 + (seed % Math.max(1, word.length - 2));
  switch (seed % 3) {
    case 0:
      return word.slice(0, at) + word.slice(at + 1);
    case 1:
      return word.slice(0, at) + word[at + 1]! + word[at]! + word.slice(at + 2);
    default:
      return word.slice(0, at) + word[at] + word.slice(at);
  }
}
