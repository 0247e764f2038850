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
function prefixCandidates(ctx: SearchContext, choices: WordChoices, against: string, score: string) {
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
  return contactQuery(ctx, contactSearchSql.bestOfNameBranches(branches, score), params, nameMatch);
}

const wordsOf = (name: string) => name.split(' ').filter(Boolean).slice(0, MAX_WORDS);

/** How many slips a word of this length may carry and still be corrected: one, two from seven letters on. */
const allowedEdits = (word: string) => (word.length >= 7 ? 2 : 1);

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

/**
 * For each query word, the spellings to search: the word itself when some
 * known name word starts with it, else the known words fewest slips away
 * (at most three). Words one slip away are found by equality on their
 * one-letter-less spellings (search_word_variants), which costs the same for
 * a thousand known words as for a hundred thousand. Only a long word two
 * slips away asks the GiST index of search_words for its nearest words by
 * trigrams; edit distance then picks among them, because trigrams alone rate
 * "Loernz" far from "Lorenz". Null when no word needed and found a correction.
 */
async function correctWords(ctx: SearchContext, words: string[]): Promise<WordChoices | null> {
  const rows = await ctx.database.query<{ known: boolean; near: string[] }>(
    `SELECT EXISTS (SELECT 1 FROM search_words s WHERE s.word ~>=~ q.w AND s.word ~<~ (q.w || '~')) AS known,
            ARRAY(SELECT x.word FROM search_word_variants x
                   WHERE x.variant IN (SELECT search_word_variants_of(q.w))
                   GROUP BY x.word
                   ORDER BY similarity(x.word, q.w) DESC, x.word
                   LIMIT ${CORRECTION_CANDIDATES}) AS near
       FROM unnest($1::text[]) WITH ORDINALITY AS q(w, n)
      ORDER BY q.n`,
    [words],
  );
  const choices = words.map((word, i) => (rows[i]!.known ? [word] : closest(word, rows[i]!.near)));

  const far = words.flatMap((word, i) => (choices[i] === null && allowedEdits(word) > 1 ? [i] : []));
  if (far.length > 0) {
    const nearest = await ctx.database.query<{ near: string[] }>(
      `SELECT ARRAY(SELECT v.word FROM search_words v ORDER BY v.word <-> q.w LIMIT ${CORRECTION_CANDIDATES}) AS near
         FROM unnest($1::text[]) WITH ORDINALITY AS q(w, n)
        ORDER BY q.n`,
      [far.map((i) => words[i])],
    );
    far.forEach((i, j) => (choices[i] = closest(words[i]!, nearest[j]!.near)));
  }

  let corrected = false;
  const result = words.map((word, i) => {
    const choice = choices[i];
    if (!choice) return [word];
    if (!rows[i]!.known) corrected = true;
    return choice;
  });
  return corrected ? result : null;
}

export const nameSearch = {
  /** Scores 1–1.5: above every fuzzy match, closer whole names first. */
  byWordPrefixes(ctx: SearchContext, name: string) {
    return prefixCandidates(
      ctx,
      wordsOf(name).map((w) => [w]),
      name,
      '1 + similarity($4, x.search_name) / 2',
    );
  },

  /**
   * Typo tolerance, first try: mistyped words replaced by the known name
   * words closest to them ("mulller hans" → "muller hans"), then searched by
   * prefix like a correct query. Scored as the trigram tier scores, against
   * what was typed. Empty when no word could be corrected.
   */
  async byCorrectedWords(ctx: SearchContext, name: string): Promise<ContactHit[]> {
    const choices = await correctWords(ctx, wordsOf(name));
    if (!choices) return [];
    return prefixCandidates(ctx, choices, name, FUZZY_SCORE);
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
