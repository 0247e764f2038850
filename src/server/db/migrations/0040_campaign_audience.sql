CREATE TABLE "campaign_audience" (
	"vehicle_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"delivery_date" date,
	"make" text NOT NULL,
	"model" text NOT NULL,
	"fuel" text,
	"first_registration" date,
	"financing_end" date,
	"live" boolean DEFAULT true NOT NULL,
	"home_location_id" uuid,
	"sales_consultant_id" uuid,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"email_consent" boolean DEFAULT false NOT NULL,
	"letter_consent" boolean DEFAULT false NOT NULL,
	"phone_consent" boolean DEFAULT false NOT NULL,
	"has_email" boolean DEFAULT false NOT NULL,
	"has_phone" boolean DEFAULT false NOT NULL,
	"has_address" boolean DEFAULT false NOT NULL,
	"blocked_until" timestamp with time zone,
	CONSTRAINT "campaign_audience_vehicle_id_contact_id_pk" PRIMARY KEY("vehicle_id","contact_id")
);
--> statement-breakpoint
-- A holding's row with its holder's reach. Without a reach row yet (cannot happen through the
-- contacts' triggers, which give every new contact one), the defaults: reached by nothing.
CREATE FUNCTION campaign_audience_holdings_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The holders' reach rows are locked for share first: a concurrent change to the same holder's
  -- reach holds them until it commits, so the insert below (a new snapshot) copies the committed
  -- reach; and that change, waiting for this transaction, then updates the rows inserted here.
  PERFORM 1 FROM contact_reach r WHERE r.contact_id IN (SELECT n.contact_id FROM new_rows n)
    ORDER BY r.contact_id FOR SHARE;
  INSERT INTO campaign_audience AS a (vehicle_id, contact_id, delivery_date, make, model, fuel, first_registration, financing_end, live, home_location_id, sales_consultant_id, tags, email_consent, letter_consent, phone_consent, has_email, has_phone, has_address, blocked_until)
  SELECT n.vehicle_id, n.contact_id, n.delivery_date, n.make, n.model, n.fuel::text, n.first_registration, n.financing_end,
         coalesce(r.live, true), r.home_location_id, r.sales_consultant_id, coalesce(r.tags, '{}'),
         coalesce(r.email_consent, false), coalesce(r.letter_consent, false), coalesce(r.phone_consent, false),
         coalesce(r.has_email, false), coalesce(r.has_phone, false), coalesce(r.has_address, false), r.blocked_until
    FROM new_rows n LEFT JOIN contact_reach r ON r.contact_id = n.contact_id
  ON CONFLICT (vehicle_id, contact_id) DO UPDATE
     SET delivery_date = excluded.delivery_date, make = excluded.make, model = excluded.model, fuel = excluded.fuel, first_registration = excluded.first_registration, financing_end = excluded.financing_end, live = excluded.live, home_location_id = excluded.home_location_id, sales_consultant_id = excluded.sales_consultant_id, tags = excluded.tags, email_consent = excluded.email_consent, letter_consent = excluded.letter_consent, phone_consent = excluded.phone_consent, has_email = excluded.has_email, has_phone = excluded.has_phone, has_address = excluded.has_address, blocked_until = excluded.blocked_until;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION campaign_audience_holdings_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The same lock order as a change of reach (reach rows, then audience rows): never a deadlock.
  PERFORM 1 FROM contact_reach r WHERE r.contact_id IN (SELECT o.contact_id FROM old_rows o)
    ORDER BY r.contact_id FOR SHARE;
  DELETE FROM campaign_audience a USING old_rows o WHERE a.vehicle_id = o.vehicle_id AND a.contact_id = o.contact_id;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A change to a holder's reach (consent, address, block, location, consultant, tags, merge) is
-- copied to each of their holdings; rows whose copy is current are not written.
CREATE FUNCTION campaign_audience_reach_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE campaign_audience a
     SET live = n.live, home_location_id = n.home_location_id, sales_consultant_id = n.sales_consultant_id, tags = n.tags, email_consent = n.email_consent, letter_consent = n.letter_consent, phone_consent = n.phone_consent, has_email = n.has_email, has_phone = n.has_phone, has_address = n.has_address, blocked_until = n.blocked_until
    FROM new_rows n
   WHERE a.contact_id = n.contact_id
     AND (a.live, a.home_location_id, a.sales_consultant_id, a.tags, a.email_consent, a.letter_consent, a.phone_consent, a.has_email, a.has_phone, a.has_address, a.blocked_until)
         IS DISTINCT FROM (n.live, n.home_location_id, n.sales_consultant_id, n.tags, n.email_consent, n.letter_consent, n.phone_consent, n.has_email, n.has_phone, n.has_address, n.blocked_until);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER vehicle_holdings_audience_insert AFTER INSERT ON vehicle_holdings REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION campaign_audience_holdings_added();
--> statement-breakpoint
CREATE TRIGGER vehicle_holdings_audience_delete AFTER DELETE ON vehicle_holdings REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION campaign_audience_holdings_removed();
--> statement-breakpoint
-- vehicle_holdings is rewritten by delete and insert; an update is handled the same way (the
-- triggers of one event fire in name order: the old rows go first).
CREATE TRIGGER vehicle_holdings_audience_update_1_old AFTER UPDATE ON vehicle_holdings
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION campaign_audience_holdings_removed();
--> statement-breakpoint
CREATE TRIGGER vehicle_holdings_audience_update_2_new AFTER UPDATE ON vehicle_holdings
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION campaign_audience_holdings_added();
--> statement-breakpoint
CREATE TRIGGER contact_reach_audience_insert AFTER INSERT ON contact_reach REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION campaign_audience_reach_changed();
--> statement-breakpoint
CREATE TRIGGER contact_reach_audience_update AFTER UPDATE ON contact_reach REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION campaign_audience_reach_changed();
--> statement-breakpoint
-- Every holding in one set-based pass: the backfill below, and a bulk load that bypassed the triggers.
CREATE FUNCTION campaign_audience_rebuild() RETURNS void LANGUAGE sql AS $$
DELETE FROM campaign_audience;
INSERT INTO campaign_audience (vehicle_id, contact_id, delivery_date, make, model, fuel, first_registration, financing_end, live, home_location_id, sales_consultant_id, tags, email_consent, letter_consent, phone_consent, has_email, has_phone, has_address, blocked_until)
SELECT h.vehicle_id, h.contact_id, h.delivery_date, h.make, h.model, h.fuel::text, h.first_registration, h.financing_end,
       coalesce(r.live, true), r.home_location_id, r.sales_consultant_id, coalesce(r.tags, '{}'),
       coalesce(r.email_consent, false), coalesce(r.letter_consent, false), coalesce(r.phone_consent, false),
       coalesce(r.has_email, false), coalesce(r.has_phone, false), coalesce(r.has_address, false), r.blocked_until
  FROM vehicle_holdings h LEFT JOIN contact_reach r ON r.contact_id = h.contact_id;
$$;
--> statement-breakpoint
SELECT campaign_audience_rebuild();
--> statement-breakpoint
CREATE INDEX "campaign_audience_contact_idx" ON "campaign_audience" USING btree ("contact_id");--> statement-breakpoint
-- A count reads the index only: every column comes with it.
CREATE INDEX "campaign_audience_delivery_idx" ON "campaign_audience" USING btree ("delivery_date") INCLUDE (contact_id, make, model, fuel, first_registration, financing_end, live, home_location_id, sales_consultant_id, tags, email_consent, letter_consent, phone_consent, has_email, has_phone, has_address, blocked_until);--> statement-breakpoint
CREATE INDEX "campaign_audience_make_idx" ON "campaign_audience" USING btree ("make","first_registration") INCLUDE (contact_id, model, fuel, delivery_date, financing_end, live, home_location_id, sales_consultant_id, tags, email_consent, letter_consent, phone_consent, has_email, has_phone, has_address, blocked_until);--> statement-breakpoint
ANALYZE campaign_audience;
