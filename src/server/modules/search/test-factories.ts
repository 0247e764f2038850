import { randomUUID } from 'node:crypto';
import { normalizeName, parsePhone, phoneDigits } from '@shared/contacts/normalize';
import { formatPlate, normalizePlate, normalizeVin } from '@shared/vehicles/normalize';
import type { Database } from '@server/db/client';

export interface ContactSeed {
  location: { id: string; code: string };
  firstName?: string;
  lastName?: string;
  companyName?: string;
  customerNumber?: string;
  phones?: string[];
  emails?: string[];
  mergedIntoId?: string;
  /** An active block, one lifted, or one whose blockedUntil has passed. */
  block?: 'active' | 'lifted' | 'expired';
}

export interface VehicleSeed {
  vin?: string;
  plate?: string;
  make?: string;
  model?: string;
  ownerId?: string;
  keeperId?: string;
}

let sequence = 0;

/**
 * Rows for the search tests, written straight into the tables the way the
 * contacts and vehicles services store them (same normalisers), so search can
 * be tested on its own.
 */
export function searchFactory(database: Database, now: () => Date) {
  return {
    async contact(seed: ContactSeed) {
      const id = randomUUID();
      const number = ++sequence;
      const customerNumber = seed.customerNumber ?? `${seed.location.code}-${String(200000 + number)}`;
      const kind = seed.companyName && !seed.lastName ? 'company' : 'person';
      const displayName =
        kind === 'company' ? seed.companyName! : [seed.lastName, seed.firstName].filter(Boolean).join(', ');
      await database.query(
        `INSERT INTO contacts (id, kind, customer_number, home_location_id, first_name, last_name, company_name,
                               display_name, search_name, merged_into_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          id,
          kind,
          customerNumber,
          seed.location.id,
          seed.firstName ?? null,
          seed.lastName ?? null,
          seed.companyName ?? null,
          displayName,
          normalizeName(displayName),
          seed.mergedIntoId ?? null,
        ],
      );
      for (const [position, raw] of (seed.phones ?? []).entries()) {
        const phone = parsePhone(raw);
        await database.query(
          `INSERT INTO contact_phones (contact_id, kind, raw, e164, valid, digits_reversed, is_primary, position)
           VALUES ($1, 'mobile', $2, $3, $4, $5, $6, $7)`,
          [
            id,
            raw,
            phone.e164,
            phone.valid,
            [...phoneDigits(phone.e164 ?? raw)].reverse().join(''),
            position === 0,
            position,
          ],
        );
      }
      for (const [position, address] of (seed.emails ?? []).entries()) {
        await database.query(
          'INSERT INTO contact_emails (contact_id, address, is_primary, position) VALUES ($1, $2, $3, $4)',
          [id, address.toLowerCase(), position === 0, position],
        );
      }
      if (seed.block) {
        const day = 24 * 3600 * 1000;
        const at = now().getTime();
        await database.query(
          'INSERT INTO contact_blocks (contact_id, reason, blocked_at, blocked_until, lifted_at) VALUES ($1, $2, $3, $4, $5)',
          [
            id,
            'Offene Rechnungen',
            new Date(at - 10 * day),
            seed.block === 'expired' ? new Date(at - day) : null,
            seed.block === 'lifted' ? new Date(at - 2 * day) : null,
          ],
        );
      }
      return { id, customerNumber, displayName };
    },

    async vehicle(seed: VehicleSeed) {
      const id = randomUUID();
      const plate = seed.plate ? (formatPlate(seed.plate) ?? seed.plate) : null;
      await database.query(
        `INSERT INTO vehicles (id, vin, plate, plate_normalized, make, model) VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          id,
          seed.vin ? normalizeVin(seed.vin) : null,
          plate,
          plate ? normalizePlate(plate) : null,
          seed.make ?? 'VW',
          seed.model ?? 'Golf',
        ],
      );
      for (const [role, contactId] of [
        ['owner', seed.ownerId],
        ['keeper', seed.keeperId],
      ] as const) {
        if (!contactId) continue;
        await database.query(
          `INSERT INTO vehicle_contacts (vehicle_id, contact_id, role, valid_from) VALUES ($1, $2, $3, $4)`,
          [id, contactId, role, new Date(now().getTime() - 365 * 24 * 3600 * 1000)],
        );
      }
      return { id, plate };
    },
  };
}
