import { sql } from 'drizzle-orm';
import { index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/**
 * Every word of every contact's search_name ("muller", "hans", "bau"), once.
 * The search bar corrects a mistyped word against this short list instead of
 * comparing trigrams with a million names. Filled by statement triggers on
 * contacts (migrations 0007, 0011), so every way of writing a contact keeps it
 * current; words of deleted contacts may linger and only cost a wasted guess.
 * Words longer than 40 letters are no names and are left out: their variants
 * would cost the square of their length (see search_word_variants).
 */
export const searchWords = pgTable(
  'search_words',
  {
    word: text('word').primaryKey(),
  },
  (t) => [
    index('search_words_trgm_idx').using('gist', sql`${t.word} gist_trgm_ops`),
    index('search_words_prefix_idx').on(sql`${t.word} text_pattern_ops`),
  ],
);

/**
 * Each known word filed under itself and under every spelling with one
 * letter left out ("lorenz" under "orenz", "lrenz", "loenz", …). A mistyped
 * word looks its own such spellings up by equality and finds the words one
 * slip away — a letter dropped, added, changed or two swapped — however many
 * words there are (migrations 0010 and 0011 keep it filled by a trigger on search_words).
 */
export const searchWordVariants = pgTable(
  'search_word_variants',
  {
    variant: text('variant').notNull(),
    word: text('word')
      .notNull()
      .references(() => searchWords.word, { onDelete: 'cascade' }),
  },
  // By word too: deleting a word (cascade) must not read every variant of every word.
  (t) => [primaryKey({ columns: [t.variant, t.word] }), index('search_word_variants_word_idx').on(t.word)],
);
