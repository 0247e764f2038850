-- Name prefixes ("mull" → Müller…, "hans m" → Hans Müller) for the search bar
-- and the contact list's name filter. INCLUDE lets the planner answer from the
-- index alone; Drizzle's schema builder cannot express INCLUDE, hence SQL.
CREATE INDEX IF NOT EXISTS "contacts_search_name_prefix_idx"
  ON "contacts" ("search_name" text_pattern_ops) INCLUDE ("id", "home_location_id", "merged_into_id");
