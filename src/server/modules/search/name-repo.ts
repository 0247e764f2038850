import { queryWithSettings } from './planner';
import { CONTACT_COLUMNS, contactQuery, type ContactRow, LIVE, type MatchedOn, type SearchContext } from './repo';
import { escapeLike } from './query-shape';

/**
 * Name and company search in two tiers over contacts.search_name (the name
 * folded by normalizeName: "muller hans").
 *
 * 1. Word prefixes through the btree index on search_name (text_pattern_ops):
 *    some query word starts the name, every other word starts one of its
 *    words. Reads a few hundred index entries even for a surname thousands
 *    share, and serves two-letter fragments too.
 * 2. Only when that finds too little: typo tolerance through the trigram GIN
 *    index (word similarity, pg_trgm's <% operator, threshold 0.6), which
 *    must visit every row sharing trigrams with the query and so costs more.
 */

/** Per query word: enough candidates to rank well among thousands of equal "Müller" without reading them all. */
const PREFIX_CANDIDATES = 200;
const FUZZY_CANDIDATES = 300;
const MAX_WORDS = 4;

const nameMatch = (row: ContactRow): MatchedOn => (row.kind === 'company' ? 'company' : 'name');

export const nameSearch = {
  /** Scores 1–1.5: above every fuzzy match, closer whole names first. */
  byWordPrefixes(ctx: SearchContext, name: string) {
    const words = name.split(' ').filter(Boolean).slice(0, MAX_WORDS).map(escapeLike);
    const branches = words.map((_, i) => {
      const others = words
        .map((_w, j) => j)
        .filter((j) => j !== i)
        .map((j) => `AND (' ' || c.search_name) LIKE '% ' || $${5 + j} || '%'`)
        .join(' ');
      return `(SELECT * FROM contacts c WHERE c.search_name LIKE $${5 + i} || '%' ${others} AND ${LIVE} LIMIT ${PREFIX_CANDIDATES})`;
    });
    return contactQuery(
      ctx,
      `SELECT DISTINCT ON (c.id) ${CONTACT_COLUMNS}, NULL::text AS matched_value, 1 + similarity($4, c.search_name) / 2 AS score
         FROM (${branches.join(' UNION ALL ')}) c`,
      [name, ...words],
      nameMatch,
    );
  },

  /** Scores up to 1: word similarity, whole-name similarity breaking ties. */
  byTrigrams(ctx: SearchContext, name: string) {
    return contactQuery(
      ctx,
      `SELECT ${CONTACT_COLUMNS}, NULL::text AS matched_value,
              (word_similarity($4, c.search_name) + similarity($4, c.search_name)) / 2 AS score
         FROM (SELECT * FROM contacts c WHERE $4 <% c.search_name AND ${LIVE} LIMIT ${FUZZY_CANDIDATES}) c`,
      [name],
      nameMatch,
      (sql, params) => queryWithSettings<ContactRow>(ctx.database, ['enable_seqscan = off'], sql, params),
    );
  },
};
