CREATE TABLE "contact_reach" (
	"contact_id" uuid PRIMARY KEY NOT NULL,
	"email_consent" boolean DEFAULT false NOT NULL,
	"letter_consent" boolean DEFAULT false NOT NULL,
	"phone_consent" boolean DEFAULT false NOT NULL,
	"has_email" boolean DEFAULT false NOT NULL,
	"has_phone" boolean DEFAULT false NOT NULL,
	"has_address" boolean DEFAULT false NOT NULL,
	"blocked_until" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "contact_reach" ADD CONSTRAINT "contact_reach_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- A contact's reach computed from its rows (the campaign selection's definitions: the latest
-- marketing decision per channel, any e-mail, any phone but a fax, any address, the blocks not
-- lifted). Contacts that no longer exist (a cascade) are skipped.
CREATE FUNCTION contact_reach_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO contact_reach (contact_id)
    SELECT c.id FROM contacts c WHERE c.id = ANY (ids) ORDER BY c.id
    ON CONFLICT (contact_id) DO NOTHING;
  -- Locked before reading: a concurrent writer to the same contact holds the row until it
  -- commits, so the statement below (a new snapshot) sees its rows and cannot write a stale reach.
  PERFORM 1 FROM contact_reach r WHERE r.contact_id = ANY (ids) ORDER BY r.contact_id FOR UPDATE;
  WITH fresh AS (
    SELECT r.contact_id,
           coalesce((SELECT k.status = 'granted' FROM consents k
                      WHERE k.contact_id = r.contact_id AND k.channel = 'email' AND k.purpose = 'marketing'
                      ORDER BY k.effective_at DESC, k.created_at DESC, k.id DESC LIMIT 1), false) AS email_consent,
           coalesce((SELECT k.status = 'granted' FROM consents k
                      WHERE k.contact_id = r.contact_id AND k.channel = 'letter' AND k.purpose = 'marketing'
                      ORDER BY k.effective_at DESC, k.created_at DESC, k.id DESC LIMIT 1), false) AS letter_consent,
           coalesce((SELECT k.status = 'granted' FROM consents k
                      WHERE k.contact_id = r.contact_id AND k.channel = 'phone' AND k.purpose = 'marketing'
                      ORDER BY k.effective_at DESC, k.created_at DESC, k.id DESC LIMIT 1), false) AS phone_consent,
           EXISTS (SELECT 1 FROM contact_emails e WHERE e.contact_id = r.contact_id) AS has_email,
           EXISTS (SELECT 1 FROM contact_phones p WHERE p.contact_id = r.contact_id AND p.kind <> 'fax') AS has_phone,
           EXISTS (SELECT 1 FROM contact_addresses a WHERE a.contact_id = r.contact_id) AS has_address,
           (SELECT max(coalesce(b.blocked_until, 'infinity'::timestamptz)) FROM contact_blocks b
             WHERE b.contact_id = r.contact_id AND b.lifted_at IS NULL) AS blocked_until
      FROM contact_reach r WHERE r.contact_id = ANY (ids))
  UPDATE contact_reach r
     SET email_consent = f.email_consent, letter_consent = f.letter_consent, phone_consent = f.phone_consent,
         has_email = f.has_email, has_phone = f.has_phone, has_address = f.has_address, blocked_until = f.blocked_until
    FROM fresh f
   WHERE r.contact_id = f.contact_id
     AND (r.email_consent, r.letter_consent, r.phone_consent, r.has_email, r.has_phone, r.has_address, r.blocked_until)
         IS DISTINCT FROM
         (f.email_consent, f.letter_consent, f.phone_consent, f.has_email, f.has_phone, f.has_address, f.blocked_until);
END $$;
--> statement-breakpoint
-- Once per statement over the rows it wrote, so an import's thousand rows cost one refresh; an
-- update that moves rows to another contact (a merge) refreshes both.
CREATE FUNCTION contact_reach_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM contact_reach_refresh(ARRAY(SELECT DISTINCT n.contact_id FROM new_rows n));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM contact_reach_refresh(ARRAY(SELECT DISTINCT o.contact_id FROM old_rows o));
  ELSE
    PERFORM contact_reach_refresh(ARRAY(SELECT n.contact_id FROM new_rows n UNION SELECT o.contact_id FROM old_rows o));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['consents', 'contact_blocks', 'contact_emails', 'contact_phones', 'contact_addresses'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION contact_reach_changed()', t || '_reach_insert', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION contact_reach_changed()', t || '_reach_update', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION contact_reach_changed()', t || '_reach_delete', t);
  END LOOP;
END $$;
--> statement-breakpoint
-- Every contact's reach in set-based passes (a million contacts take seconds, not probes each):
-- the backfill below, and a bulk load that bypassed the triggers.
CREATE FUNCTION contact_reach_rebuild() RETURNS void LANGUAGE sql AS $$
INSERT INTO contact_reach AS r (contact_id, email_consent, letter_consent, phone_consent, has_email, has_phone,
                                has_address, blocked_until)
SELECT c.id, coalesce(k.email, false), coalesce(k.letter, false), coalesce(k.phone, false),
       e.contact_id IS NOT NULL, p.contact_id IS NOT NULL, a.contact_id IS NOT NULL, b.until
  FROM contacts c
  LEFT JOIN (SELECT l.contact_id,
                    bool_or(l.channel = 'email' AND l.status = 'granted') AS email,
                    bool_or(l.channel = 'letter' AND l.status = 'granted') AS letter,
                    bool_or(l.channel = 'phone' AND l.status = 'granted') AS phone
               FROM (SELECT DISTINCT ON (k.contact_id, k.channel) k.contact_id, k.channel, k.status
                       FROM consents k WHERE k.purpose = 'marketing'
                      ORDER BY k.contact_id, k.channel, k.effective_at DESC, k.created_at DESC, k.id DESC) l
              GROUP BY l.contact_id) k ON k.contact_id = c.id
  LEFT JOIN (SELECT DISTINCT contact_id FROM contact_emails) e ON e.contact_id = c.id
  LEFT JOIN (SELECT DISTINCT contact_id FROM contact_phones WHERE kind <> 'fax') p ON p.contact_id = c.id
  LEFT JOIN (SELECT DISTINCT contact_id FROM contact_addresses) a ON a.contact_id = c.id
  LEFT JOIN (SELECT contact_id, max(coalesce(blocked_until, 'infinity'::timestamptz)) AS until
               FROM contact_blocks WHERE lifted_at IS NULL GROUP BY contact_id) b ON b.contact_id = c.id
ON CONFLICT (contact_id) DO UPDATE
   SET email_consent = excluded.email_consent, letter_consent = excluded.letter_consent,
       phone_consent = excluded.phone_consent, has_email = excluded.has_email, has_phone = excluded.has_phone,
       has_address = excluded.has_address, blocked_until = excluded.blocked_until
 WHERE (r.email_consent, r.letter_consent, r.phone_consent, r.has_email, r.has_phone, r.has_address, r.blocked_until)
       IS DISTINCT FROM (excluded.email_consent, excluded.letter_consent, excluded.phone_consent, excluded.has_email,
                         excluded.has_phone, excluded.has_address, excluded.blocked_until);
$$;
--> statement-breakpoint
SELECT contact_reach_rebuild();
--> statement-breakpoint
ANALYZE contact_reach;
