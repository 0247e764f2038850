import { queryWithSettings } from './planner';
import { CONTACT_COLUMNS, contactQuery, type ContactRow, LIVE, type MatchedOn, type SearchContext } from './repo';
import { escapeLike } from './query-shape';

/**
 * Name and company search in two tiers over contacts.search_name (the name
 * folded by normalizeName: "muller hans").
 *
 * 1. Word prefixes through the btree contacts_search_name_prefix_idx:
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
  /**
   * Scores 1–1.5: above every fuzzy match, closer whole names first. Each
   * branch is a range scan of contacts_search_name_prefix_idx, which carries
   * id, home location and merged_into_id, so candidates are picked and ranked
   * from the index alone and only the page shown is read from the table.
   * The range [w, w || '~') holds exactly the names starting with w: every
   * character normalizeName() leaves sorts below '~'.
   */
  byWordPrefixes(ctx: SearchContext, name: string) {
    const words = name.split(' ').filter(Boolean).slice(0, MAX_WORDS);
    const branches = words.map((_, i) => {
      const others = words
        .map((_w, j) => j)
        .filter((j) => j !== i)
        .map((j) => `AND (' ' || c.search_name) LIKE '% ' || $${5 + words.length + j} || '%'`)
        .join(' ');
      return `(SELECT c.id, c.search_name, c.home_location_id FROM contacts c
                WHERE c.search_name ~>=~ $${5 + i} AND c.search_name ~<~ ($${5 + i} || '~') ${others} AND ${LIVE}
                LIMIT ${PREFIX_CANDIDATES})`;
    });
    return contactQuery(
      ctx,
      `SELECT ${CONTACT_COLUMNS}, NULL::text AS matched_value, best.score
         FROM (SELECT id, score FROM (
                 SELECT DISTINCT ON (x.id) x.id, x.search_name, x.home_location_id, 1 + similarity($4, x.search_name) / 2 AS score
                   FROM (${branches.join(' UNION ALL ')}) x) d
               ORDER BY score DESC, (home_location_id = ANY($2::uuid[])) DESC, search_name
               LIMIT $3) best
         JOIN contacts c ON c.id = best.id`,
      // The escaped words are only referenced when there are other words to check.
      [name, ...words, ...(words.length > 1 ? words.map(escapeLike) : [])],
      nameMatch,
    );
  },

  /**
   * Scores up to 1: word similarity of the whole query, whole-name similarity
   * breaking ties. The index is asked for the longest word only: fewer
   * trigrams, fewer posting lists to merge.
   */
  byTrigrams(ctx: SearchContext, name: string) {
    const longest = name.split(' ').reduce((a, b) => (b.length > a.length ? b : a), '');
    return contactQuery(
      ctx,
      `SELECT ${CONTACT_COLUMNS}, NULL::text AS matched_value,
              (word_similarity($4, c.search_name) + similarity($4, c.search_name)) / 2 AS score
         FROM (SELECT * FROM contacts c WHERE $5 <% c.search_name AND ${LIVE} LIMIT ${FUZZY_CANDIDATES}) c`,
      [name, longest],
      nameMatch,
      (sql, params) => queryWithSettings<ContactRow>(ctx.database, ['enable_seqscan = off'], sql, params),
    );
  },
};
