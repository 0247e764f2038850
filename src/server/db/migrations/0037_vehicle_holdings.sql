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
