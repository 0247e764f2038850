import { queryWithSettings } from './planner';
import { editDistance } from './edit-distance';
import { escapeLike } from './query-shape';
import { contactSearchSql } from '@server/modules/contacts';
import { type ContactHit, contactQuery, type ContactRow, type MatchedOn, type SearchContext } from './repo';

/**
 * Name and company search in two tiers over contacts.search_name (the name
 * folded by normalizeName: "muller hans").
 *
 * 1. Word prefixes through the btree contacts_search_name_prefix_idx:
 *    some query word starts the name, every other word starts one of its
 *    words. Reads a few hundred index entries even for a surname thousands
 *    share, and serves two-letter fragments too.
 * 2. Only when that finds no name: typo tolerance. Mistyped words are
 *    corrected against search_words, the few thousand distinct words of all
 *    names, and the corrected query runs through the prefix index as in 1.
 *    The candidate corrections come with tier 1's (empty) answer, so a typo
 *    costs two statements: one that finds nothing and what to correct, one
 *    that searches the corrected words.
 * 3. Only when no word could be corrected, or the corrected query finds
 *    nothing (a word that only ever stands inside names): the trigram GIN
 *    index (word similarity, pg_trgm's <% operator, threshold 0.6), which
 *    must visit every row sharing trigrams with the query and so costs most.
 */

/** Per query word: enough candidates to rank well among thousands of equal "Müller" without reading them all. */
const PREFIX_CANDIDATES = 200;
const FUZZY_CANDIDATES = 300;
const MAX_WORDS = 4;
/** Known words nearest by trigrams among which edit distance picks a mistyped word's correction. */
const CORRECTION_CANDIDATES = 40;
/** Equally close corrections searched per word ("Mayr" → Mayer, Maier). */
const MAX_SPELLINGS = 3;
/** What the typo tiers score with (up to 1, below every prefix match): similarity to what was typed. */
const FUZZY_SCORE = '(word_similarity($4, x.search_name) + similarity($4, x.search_name)) / 2';

const nameMatch = (row: ContactRow): MatchedOn => (row.kind === 'company' ? 'company' : 'name');

/** Per query word, the spellings to look for (one as typed, or the closest known words). */
type WordChoices = string[][];

/**
 * Candidates whose name starts with one spelling of some query word while
 * every other query word starts one of its words. Each branch is a range scan
 * of contacts_search_name_prefix_idx, which carries id, home location and
 * merged_into_id, so candidates are picked and ranked from the index alone and
 * only the page shown is read from the table. The range [w, w || '~') holds
 * exactly the names starting with w: every character normalizeName() leaves
 * sorts below '~'. $4 is what the score compares names with.
 */
function prefixCandidates(
  ctx: SearchContext,
  choices: WordChoices,
  against: string,
  score: string,
  typoCandidates?: (candidates: WordCandidates[] | null) => void,
) {
  const params: unknown[] = [against];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length + 3}`;
  };
  const patterns = choices.map((spellings) =>
    choices.length > 1 ? param(spellings.map((w) => `% ${escapeLike(w)}%`)) : '',
  );
  const branches = choices.flatMap((spellings, i) =>
    spellings.map((spelling) => {
      const start = param(spelling);
      const others = patterns
        .filter((_p, j) => j !== i)
        .map((p) => contactSearchSql.otherWordStarts(p))
        .join(' ');
      return contactSearchSql.namePrefixBranch(start, others, PREFIX_CANDIDATES);
    }),
  );
  const inner = contactSearchSql.bestOfNameBranches(branches, score);
  if (!typoCandidates) return contactQuery(ctx, inner, params, nameMatch);
  return contactQuery(ctx, inner, params, nameMatch, async (sql, values) => {
    const rows = await ctx.database.query<ContactRow & { candidates: WordCandidates[] | null }>(
      withTypoCandidates(sql, `$${values.length + 1}`),
      [...values, choices.map((spellings) => spellings[0])],
    );
    typoCandidates(rows[0]?.candidates ?? null);
    return rows.filter((row) => row.id !== null);
  });
}

/**
 * The ranked prefix search `sql`, and only when it finds nothing the
 * candidates for correcting each word of the text[] parameter `words`, in the
 * one statement: a typo costs no round trip of its own to find out what it
 * might have meant. Answers at least one row; without hits a single row whose
 * contact columns are null carries the candidates.
 */
const withTypoCandidates = (sql: string, words: string) =>
  `WITH found AS MATERIALIZED (SELECT r.*, row_number() OVER () AS position FROM (${sql}) r)
   SELECT f.*, g.candidates
     FROM (SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM found) THEN ${wordCandidatesSql(words)} END AS candidates) g
     LEFT JOIN found f ON true
    ORDER BY f.position`;

const wordsOf = (name: string) => name.split(' ').filter(Boolean).slice(0, MAX_WORDS);

/** From this many letters a word may carry two slips and still be corrected. */
const LONG_WORD = 7;

/** How many slips a word of this length may carry and still be corrected: one, two from LONG_WORD letters on. */
const allowedEdits = (word: string) => (word.length >= LONG_WORD ? 2 : 1);

/** The known words at the fewest slips from a typed word (at most three), or null when none is close enough. */
function closest(word: string, near: string[]): string[] | null {
  const max = allowedEdits(word);
  const scored = near
    .map((candidate) => ({ candidate, distance: editDistance(word, candidate, max) }))
    .filter((c) => c.distance <= max);
  if (scored.length === 0) return null;
  const best = Math.min(...scored.map((c) => c.distance));
  // near comes most similar first, so among equally close words the more similar are kept.
  return scored
    .filter((c) => c.distance === best)
    .slice(0, MAX_SPELLINGS)
    .map((c) => c.candidate);
}

/** Per query word, what correcting it needs, read in the same statement as the prefix search (see wordCandidatesSql). */
interface WordCandidates {
  /** Some known word starts with it: it is searched as typed. */
  known: boolean;
  /** Known words one slip away by their one-letter-less spellings, most similar first. */
  near: string[];
  /** Only for a long word with nothing in near: the known words nearest by trigrams. */
  far: string[] | null;
}

/**
 * Per word of the text[] parameter `words`, as JSON in query order, the
 * candidates for its correction (WordCandidates). Words one slip away are
 * found by equality on their one-letter-less spellings (search_word_variants),
 * which costs the same for a thousand known words as for a hundred thousand.
 * Any such word lies at most two slips away, so a long word (two slips allowed)
 * with none of them is the only one that needs the GiST index of search_words
 * for its nearest words by trigrams; edit distance then picks among them,
 * because trigrams alone rate "Loernz" far from "Lorenz".
 * The spellings are looked up as an array, one probe of the variants' key
 * each (as a set the planner expects a thousand of them and hashes the whole
 * table); OFFSET 0 keeps k computed once, not once per mention of a column.
 */
const wordCandidatesSql = (words: string) =>
  `(SELECT json_agg(json_build_object('known', k.known, 'near', k.near,
                    'far', CASE WHEN NOT k.known AND length(k.w) >= ${LONG_WORD} AND cardinality(k.near) = 0 THEN
                             ARRAY(SELECT v.word FROM search_words v ORDER BY v.word <-> k.w LIMIT ${CORRECTION_CANDIDATES}) END)
                    ORDER BY k.n)
      FROM (SELECT q.w, q.n, known.known,
                   CASE WHEN known.known THEN '{}'::text[] ELSE
                     ARRAY(SELECT x.word FROM search_word_variants x
                            WHERE x.variant = ANY (ARRAY(SELECT search_word_variants_of(q.w)))
                            GROUP BY x.word
                            ORDER BY similarity(x.word, q.w) DESC, x.word
                            LIMIT ${CORRECTION_CANDIDATES}) END AS near
              FROM unnest(${words}::text[]) WITH ORDINALITY AS q(w, n),
                   LATERAL (SELECT EXISTS (SELECT 1 FROM search_words s
                                            WHERE s.word ~>=~ q.w AND s.word ~<~ (q.w || '~')) AS known) known
            OFFSET 0) k)`;

/**
 * For each query word, the spellings to search: the word itself when some
 * known name word starts with it, else the known words fewest slips away (at
 * most three). Null when no word needed and found a correction.
 */
function correctWords(words: string[], candidates: WordCandidates[]): WordChoices | null {
  let corrected = false;
  const result = words.map((word, i) => {
    const { known, near, far } = candidates[i]!;
    if (known) return [word];
    const choice = closest(word, near) ?? (far ? closest(word, far) : null);
    if (!choice) return [word];
    corrected = true;
    return choice;
  });
  return corrected ? result : null;
}

export const nameSearch = {
  /**
   * The tiers in turn (see the top of this file), each only when the one
   * before found no name. Prefix matches score 1–1.5, above every typo-tolerant
   * match, closer whole names first. Typo tolerance only for `fuzzy` names.
   */
  async byName(ctx: SearchContext, name: string, fuzzy: boolean): Promise<ContactHit[]> {
    const words = wordsOf(name);
    const typo: { candidates: WordCandidates[] | null } = { candidates: null };
    const hits = await prefixCandidates(
      ctx,
      words.map((w) => [w]),
      name,
      '1 + similarity($4, x.search_name) / 2',
      fuzzy ? (found) => (typo.candidates = found) : undefined,
    );
    if (hits.length > 0 || !fuzzy) return hits;
    // Typo tolerance, first try: mistyped words replaced by the known name
    // words closest to them ("mulller hans" → "muller hans"), then searched by
    // prefix like a correct query, scored as the trigram tier scores, against
    // what was typed.
    const choices = typo.candidates ? correctWords(words, typo.candidates) : null;
    if (choices) {
      const corrected = await prefixCandidates(ctx, choices, name, FUZZY_SCORE);
      if (corrected.length > 0) return corrected;
    }
    // The trigram scan, which costs most, only when correcting words found nothing.
    return nameSearch.byTrigrams(ctx, name);
  },

  /**
   * Scores up to 1: word similarity of the whole query, whole-name similarity
   * breaking ties. The index is asked for the longest word only: fewer
   * trigrams, fewer posting lists to merge.
   */
  byTrigrams(ctx: SearchContext, name: string) {
    const longest = name.split(' ').reduce((a, b) => (b.length > a.length ? b : a), '');
    return contactQuery(ctx, contactSearchSql.byTrigrams(FUZZY_CANDIDATES), [name, longest], nameMatch, (sql, params) =>
      queryWithSettings<ContactRow>(ctx.database, ['enable_seqscan = off'], sql, params),
    );
  },
};
