-- Typo correction files every word under each of its one-letter-less spellings: a word of
-- n letters costs about n² bytes, and from about 1,350 letters one (variant, word) entry no
-- longer fits a btree page, so the contact could not be stored at all. No name has words
-- longer than 40 letters; longer ones are kept in the name and found by their first letters,
-- but not offered as corrections.
CREATE OR REPLACE FUNCTION search_words_collect() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_words (word)
  SELECT DISTINCT w FROM new_rows n, unnest(string_to_array(n.search_name, ' ')) AS w
   WHERE w <> '' AND length(w) <= 40
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- The same bound where the variants are made, whoever writes search_words.
CREATE OR REPLACE FUNCTION search_word_variants_collect() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_word_variants (variant, word)
  SELECT v, n.word FROM new_rows n, search_word_variants_of(n.word) AS v
   WHERE length(n.word) <= 40
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
DELETE FROM search_words WHERE length(word) > 40;
