CREATE TABLE "search_word_variants" (
	"variant" text NOT NULL,
	"word" text NOT NULL,
	CONSTRAINT "search_word_variants_variant_word_pk" PRIMARY KEY("variant","word")
);
--> statement-breakpoint
ALTER TABLE "search_word_variants" ADD CONSTRAINT "search_word_variants_word_search_words_word_fk" FOREIGN KEY ("word") REFERENCES "public"."search_words"("word") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "search_word_variants_word_idx" ON "search_word_variants" USING btree ("word");
--> statement-breakpoint
-- The word itself and the word with each one letter left out.
CREATE OR REPLACE FUNCTION search_word_variants_of(w text) RETURNS SETOF text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT w
  UNION
  SELECT left(w, i - 1) || substr(w, i + 1) FROM generate_series(1, length(w)) AS i
$$;
--> statement-breakpoint
-- Only words new to search_words arrive here (it inserts with ON CONFLICT DO NOTHING):
-- a lead from a Müller adds nothing.
CREATE OR REPLACE FUNCTION search_word_variants_collect() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_word_variants (variant, word)
  SELECT v, n.word FROM new_rows n, search_word_variants_of(n.word) AS v
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER search_words_variants_insert AFTER INSERT ON search_words
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_word_variants_collect();
--> statement-breakpoint
INSERT INTO search_word_variants (variant, word)
SELECT v, s.word FROM search_words s, search_word_variants_of(s.word) AS v
ON CONFLICT DO NOTHING;
