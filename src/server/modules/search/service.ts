import { formatPhone, parsePhone } from '@shared/contacts/normalize';
import type { PhoneLookupResponse, SearchResponse, SearchResult } from '@shared/search/schemas';
import { sql } from 'drizzle-orm';
import type { Deps } from '@server/deps';
import { isQueryCanceled } from '@server/db/unique-violation';
import type { UserActor } from '@server/http/access';
import { findLettersByWords, type LetterHit } from '@server/modules/requests';
import { shapeOf } from './query-shape';
import { findByExactPhone } from '@server/modules/contacts';
import { type ContactHit, contactSearch, type SearchContext, type VehicleHit } from './repo';
import { vehicleSearch } from './vehicle-repo';
import { nameSearch } from './name-repo';

export type SearchService = ReturnType<typeof createSearchService>;

/**
 * Whose search it is: their locations rank their own customers first. Letters are searched
 * only for a user (role and id known), among the requests they may open.
 */
export type Searcher = Pick<UserActor, 'locationIds'> & Partial<Pick<UserActor, 'role' | 'userId'>>;

/** Letters: a query needs this many letters (not digits) to look into their text. */
const LETTER_MIN_LETTERS = 3;
const LETTER_LIMIT = 3;
/** The letter query may take this long on PostgreSQL; past it the bar shows contacts and vehicles alone. */
const LETTER_BUDGET_MS = 300;

type Hit = ContactHit | VehicleHit;

/**
 * The search bar and the caller-id lookup.
 *
 * Customer data is group-wide (R1.2: reachable from every location), so every
 * location's contacts and vehicles are searched; the user's own locations
 * only rank first at an equal score.
 */
export function createSearchService({ database, db, clock }: Deps) {
  /** The letters whose text holds the query's words; a separate small query beside the contact search. */
  async function letterHits(searcher: Searcher, q: string): Promise<LetterHit[]> {
    if (!searcher.role || !searcher.userId) return [];
    if ((q.match(/\p{L}/gu)?.length ?? 0) < LETTER_MIN_LETTERS) return [];
    const reader = { role: searcher.role, userId: searcher.userId, locationIds: searcher.locationIds };
    try {
      if (database.engine !== 'postgres') return await findLettersByWords(db, reader, q, LETTER_LIMIT);
      return await db.transaction(async (tx) => {
        await tx.execute(sql.raw(`SET LOCAL statement_timeout = ${LETTER_BUDGET_MS}`));
        return findLettersByWords(tx, reader, q, LETTER_LIMIT);
      });
    } catch (error) {
      if (isQueryCanceled(error)) return [];
      throw error;
    }
  }

  return {
    async search(searcher: Searcher, input: { q: string; limit: number }): Promise<SearchResponse> {
      const started = performance.now();
      const q = input.q.trim();
      const shape = shapeOf(q);
      const ctx: SearchContext = { database, now: clock.now(), locationIds: searcher.locationIds, limit: input.limit };

      const branches: Array<Promise<Hit[]>> = [];
      if (shape.emailPrefix) branches.push(contactSearch.byEmailPrefix(ctx, shape.emailPrefix, q.toLowerCase()));
      if (shape.phoneE164) branches.push(contactSearch.byPhone(ctx, shape.phoneE164));
      if (shape.phoneSuffixReversed) branches.push(contactSearch.byPhoneSuffix(ctx, shape.phoneSuffixReversed));
      if (shape.customerNumbers.length > 0 || shape.customerNumberDigits) {
        branches.push(contactSearch.byCustomerNumber(ctx, shape.customerNumbers, shape.customerNumberDigits));
      }
      if (shape.vin) branches.push(vehicleSearch.byVin(ctx, shape.vin));
      if (shape.vinLast7) branches.push(vehicleSearch.byVinLast7(ctx, shape.vinLast7));
      if (shape.platePrefix) branches.push(vehicleSearch.byPlatePrefix(ctx, shape.platePrefix));
      // Typo tolerance runs inside the name branch, only when no name starts with what was typed.
      if (shape.name) branches.push(nameSearch.byName(ctx, shape.name, shape.fuzzy));

      const hits = (await Promise.all(branches)).flat();
      const results = rank(hits, new Set(searcher.locationIds)).slice(0, input.limit);
      return {
        query: q,
        results: results.map(present),
        tookMs: Math.round((performance.now() - started) * 100) / 100,
      };
    },

    /**
     * Scanned letters whose text holds the query's words: asked for by the search bar beside the
     * customers and vehicles, so the bar's first answer never waits for the letters.
     */
    async searchLetters(searcher: Searcher, input: { q: string }): Promise<SearchResponse> {
      const started = performance.now();
      const q = input.q.trim();
      const letters = await letterHits(searcher, q);
      return {
        query: q,
        results: letters.map(presentLetter),
        tookMs: Math.round((performance.now() - started) * 100) / 100,
      };
    },

    /** Caller id: the contacts whose number is exactly this one (E.164), merged contacts left out. */
    async lookupByPhone(number: string): Promise<PhoneLookupResponse> {
      const { e164 } = parsePhone(number);
      if (!e164) return { number, e164: null, matches: [] };
      const rows = await findByExactPhone(database, e164, clock.now());
      return {
        number,
        e164,
        matches: rows.map((r) => ({
          contactId: r.id,
          displayName: r.display_name,
          customerNumber: r.customer_number,
          blocked: r.blocked,
        })),
      };
    },
  };
}

/** One entry per contact or vehicle (its best match), best score first, own locations first at equal score. */
function rank(hits: Hit[], ownLocations: Set<string>): Hit[] {
  const best = new Map<string, Hit>();
  for (const hit of hits) {
    const key = `${hit.type}:${hit.id}`;
    const seen = best.get(key);
    if (!seen || hit.score > seen.score) best.set(key, hit);
  }
  const own = (hit: Hit) => (hit.homeLocationId && ownLocations.has(hit.homeLocationId) ? 1 : 0);
  return [...best.values()].sort(
    (a, b) => b.score - a.score || own(b) - own(a) || title(a).localeCompare(title(b), 'de'),
  );
}

function title(hit: Hit): string {
  if (hit.type === 'contact') return hit.displayName;
  return `${hit.make} ${hit.model} · ${hit.plate ?? hit.vin ?? ''}`.trim();
}

function presentLetter(hit: LetterHit): SearchResult {
  return {
    type: 'request',
    id: hit.requestId,
    title: `${hit.number} · ${hit.subject}`,
    subtitle: hit.excerpt,
    matchedOn: 'letter',
    contactId: hit.contactId,
    customerNumber: null,
    blocked: false,
    homeLocationId: hit.locationId,
    contactKind: null,
  };
}

function present(hit: Hit): SearchResult {
  if (hit.type === 'vehicle') {
    return {
      type: 'vehicle',
      id: hit.id,
      title: title(hit),
      subtitle: hit.ownerName,
      matchedOn: hit.matchedOn,
      contactId: hit.contactId,
      customerNumber: hit.customerNumber,
      blocked: hit.blocked,
      homeLocationId: hit.homeLocationId,
      contactKind: null,
    };
  }
  const subtitle =
    hit.matchedOn === 'phone' && hit.matchedValue
      ? formatPhone(hit.matchedValue.startsWith('+') ? hit.matchedValue : null, hit.matchedValue)
      : hit.matchedOn === 'email'
        ? hit.matchedValue
        : null;
  return {
    type: 'contact',
    id: hit.id,
    title: hit.displayName,
    subtitle,
    matchedOn: hit.matchedOn,
    contactId: hit.id,
    customerNumber: hit.customerNumber,
    blocked: hit.blocked,
    homeLocationId: hit.homeLocationId,
    contactKind: hit.kind,
  };
}
