-- Searching by the last digits of a phone number reads only this index: the contact comes
-- with the reversed digits, so the matching numbers' rows are not fetched one by one.
DROP INDEX IF EXISTS "contact_phones_digits_reversed_idx";--> statement-breakpoint
CREATE INDEX "contact_phones_digits_reversed_idx" ON "contact_phones" USING btree ("digits_reversed" text_pattern_ops) INCLUDE ("contact_id");
