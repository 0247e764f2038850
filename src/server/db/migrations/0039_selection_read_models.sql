ALTER TABLE "contact_reach" ADD COLUMN "live" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "contact_reach" ADD COLUMN "home_location_id" uuid;--> statement-breakpoint
ALTER TABLE "contact_reach" ADD COLUMN "sales_consultant_id" uuid;--> statement-breakpoint
ALTER TABLE "contact_reach" ADD COLUMN "tags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "contact_reach_tags_idx" ON "contact_reach" USING gin ("tags");--> statement-breakpoint
-- A new contact gets its row at once (a selection reads every contact from contact_reach), and a
-- change to what a selection filters on is copied in the same statement. Once per statement:
-- an import's thousand contacts cost one upsert; edits to other columns write nothing.
CREATE FUNCTION contact_reach_contact_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO contact_reach AS r (contact_id, live, home_location_id, sales_consultant_id, tags)
    SELECT n.id, n.merged_into_id IS NULL, n.home_location_id, n.sales_consultant_id, n.tags
      FROM new_rows n ORDER BY n.id
    ON CONFLICT (contact_id) DO UPDATE
       SET live = excluded.live, home_location_id = excluded.home_location_id,
           sales_consultant_id = excluded.sales_consultant_id, tags = excluded.tags;
  ELSE
    INSERT INTO contact_reach AS r (contact_id, live, home_location_id, sales_consultant_id, tags)
    SELECT n.id, n.merged_into_id IS NULL, n.home_location_id, n.sales_consultant_id, n.tags
      FROM new_rows n JOIN old_rows o ON o.id = n.id
     WHERE (n.merged_into_id IS NULL, n.home_location_id, n.sales_consultant_id, n.tags)
           IS DISTINCT FROM (o.merged_into_id IS NULL, o.home_location_id, o.sales_consultant_id, o.tags)
     ORDER BY n.id
    ON CONFLICT (contact_id) DO UPDATE
       SET live = excluded.live, home_location_id = excluded.home_location_id,
           sales_consultant_id = excluded.sales_consultant_id, tags = excluded.tags;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER contacts_reach_insert AFTER INSERT ON contacts REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION contact_reach_contact_changed();
--> statement-breakpoint
CREATE TRIGGER contacts_reach_update AFTER UPDATE ON contacts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION contact_reach_contact_changed();
--> statement-breakpoint
-- A row the refresh creates carries the contact's columns too.
CREATE OR REPLACE FUNCTION contact_reach_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO contact_reach (contact_id, live, home_location_id, sales_consultant_id, tags)
    SELECT c.id, c.merged_into_id IS NULL, c.home_location_id, c.sales_consultant_id, c.tags
      FROM contacts c WHERE c.id = ANY (ids) ORDER BY c.id
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
-- The set-based rebuild (after a bulk load that bypassed the triggers) copies the contact's columns too.
CREATE OR REPLACE FUNCTION contact_reach_rebuild() RETURNS void LANGUAGE sql AS $$
INSERT INTO contact_reach AS r (contact_id, email_consent, letter_consent, phone_consent, has_email, has_phone,
                                has_address, blocked_until, live, home_location_id, sales_consultant_id, tags)
SELECT c.id, coalesce(k.email, false), coalesce(k.letter, false), coalesce(k.phone, false),
       e.contact_id IS NOT NULL, p.contact_id IS NOT NULL, a.contact_id IS NOT NULL, b.until,
       c.merged_into_id IS NULL, c.home_location_id, c.sales_consultant_id, c.tags
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
       has_address = excluded.has_address, blocked_until = excluded.blocked_until, live = excluded.live,
       home_location_id = excluded.home_location_id, sales_consultant_id = excluded.sales_consultant_id,
       tags = excluded.tags
 WHERE (r.email_consent, r.letter_consent, r.phone_consent, r.has_email, r.has_phone, r.has_address, r.blocked_until,
        r.live, r.home_location_id, r.sales_consultant_id, r.tags)
       IS DISTINCT FROM (excluded.email_consent, excluded.letter_consent, excluded.phone_consent, excluded.has_email,
                         excluded.has_phone, excluded.has_address, excluded.blocked_until, excluded.live,
                         excluded.home_location_id, excluded.sales_consultant_id, excluded.tags);
$$;
--> statement-breakpoint
-- Every contact's columns, and a row for every contact that had none (none of the reach flags).
INSERT INTO contact_reach AS r (contact_id, live, home_location_id, sales_consultant_id, tags)
SELECT c.id, c.merged_into_id IS NULL, c.home_location_id, c.sales_consultant_id, c.tags FROM contacts c
ON CONFLICT (contact_id) DO UPDATE
   SET live = excluded.live, home_location_id = excluded.home_location_id,
       sales_consultant_id = excluded.sales_consultant_id, tags = excluded.tags;
--> statement-breakpoint
-- The backfill above wrote every row anew; rewritten, the table the count reads whole is half the size.
CLUSTER contact_reach USING contact_reach_pkey;
--> statement-breakpoint
ANALYZE contact_reach;

--> statement-breakpoint
CREATE TABLE "vehicle_holdings" (
	"vehicle_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"delivery_date" date,
	"make" text NOT NULL,
	"model" text NOT NULL,
	"fuel" "fuel",
	"first_registration" date,
	"financing_end" date,
	CONSTRAINT "vehicle_holdings_vehicle_id_contact_id_pk" PRIMARY KEY("vehicle_id","contact_id")
);
--> statement-breakpoint
-- A selection reads the index only: the holder and every other criterion come with it (INCLUDE,
-- which the schema builder cannot say).
CREATE INDEX "vehicle_holdings_delivery_idx" ON "vehicle_holdings" USING btree ("delivery_date") INCLUDE ("contact_id", "make", "model", "fuel", "first_registration", "financing_end");--> statement-breakpoint
CREATE INDEX "vehicle_holdings_make_idx" ON "vehicle_holdings" USING btree ("make","first_registration") INCLUDE ("contact_id", "model", "fuel", "delivery_date", "financing_end");--> statement-breakpoint
-- The current holders of the given vehicles with the vehicles' criteria, rewritten whole. The
-- vehicles are locked first: a concurrent writer to the same vehicle or its links holds the lock
-- until it commits, so the statements below (a new snapshot each) see its rows.
CREATE FUNCTION vehicle_holdings_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(ids) = 0 THEN RETURN; END IF;
  PERFORM 1 FROM vehicles v WHERE v.id = ANY (ids) ORDER BY v.id FOR NO KEY UPDATE;
  DELETE FROM vehicle_holdings h WHERE h.vehicle_id = ANY (ids);
  INSERT INTO vehicle_holdings (vehicle_id, contact_id, delivery_date, make, model, fuel, first_registration,
                                financing_end)
  SELECT DISTINCT v.id, vc.contact_id, v.delivery_date, v.make, v.model, v.fuel, v.first_registration, v.financing_end
    FROM vehicle_contacts vc JOIN vehicles v ON v.id = vc.vehicle_id
   WHERE vc.vehicle_id = ANY (ids) AND vc.valid_to IS NULL
  ON CONFLICT DO NOTHING;
END $$;
--> statement-breakpoint
-- Once per statement over the links it wrote: an import's thousand links cost one refresh.
CREATE FUNCTION vehicle_holdings_links_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM vehicle_holdings_refresh(ARRAY(SELECT DISTINCT n.vehicle_id FROM new_rows n));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM vehicle_holdings_refresh(ARRAY(SELECT DISTINCT o.vehicle_id FROM old_rows o));
  ELSE
    PERFORM vehicle_holdings_refresh(ARRAY(SELECT n.vehicle_id FROM new_rows n UNION SELECT o.vehicle_id FROM old_rows o));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Only the vehicles whose criteria changed: a new mileage or note rewrites nothing. A new vehicle
-- has no links yet; a deleted one's links go by cascade, which the links' trigger sees.
CREATE FUNCTION vehicle_holdings_vehicles_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM vehicle_holdings_refresh(ARRAY(
    SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
     WHERE (n.delivery_date, n.make, n.model, n.fuel, n.first_registration, n.financing_end)
           IS DISTINCT FROM (o.delivery_date, o.make, o.model, o.fuel, o.first_registration, o.financing_end)));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER vehicle_contacts_holdings_insert AFTER INSERT ON vehicle_contacts REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION vehicle_holdings_links_changed();
--> statement-breakpoint
CREATE TRIGGER vehicle_contacts_holdings_update AFTER UPDATE ON vehicle_contacts
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION vehicle_holdings_links_changed();
--> statement-breakpoint
CREATE TRIGGER vehicle_contacts_holdings_delete AFTER DELETE ON vehicle_contacts REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION vehicle_holdings_links_changed();
--> statement-breakpoint
CREATE TRIGGER vehicles_holdings_update AFTER UPDATE ON vehicles REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION vehicle_holdings_vehicles_changed();
--> statement-breakpoint
-- Every holding in one set-based pass: the backfill below, and a bulk load that bypassed the triggers.
CREATE FUNCTION vehicle_holdings_rebuild() RETURNS void LANGUAGE sql AS $$
DELETE FROM vehicle_holdings;
INSERT INTO vehicle_holdings (vehicle_id, contact_id, delivery_date, make, model, fuel, first_registration,
                              financing_end)
SELECT DISTINCT v.id, vc.contact_id, v.delivery_date, v.make, v.model, v.fuel, v.first_registration, v.financing_end
  FROM vehicle_contacts vc JOIN vehicles v ON v.id = vc.vehicle_id
 WHERE vc.valid_to IS NULL;
$$;
--> statement-breakpoint
SELECT vehicle_holdings_rebuild();
--> statement-breakpoint
ANALYZE vehicle_holdings;
