CREATE TYPE "public"."mileage_source" AS ENUM('manual', 'workshop', 'import');--> statement-breakpoint
CREATE TABLE "vehicle_mileage_readings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vehicle_id" uuid NOT NULL,
	"read_on" date NOT NULL,
	"km" integer NOT NULL,
	"source" "mileage_source" NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "vehicles" ADD COLUMN "km_per_day" real;--> statement-breakpoint
ALTER TABLE "vehicle_mileage_readings" ADD CONSTRAINT "vehicle_mileage_readings_vehicle_id_vehicles_id_fk" FOREIGN KEY ("vehicle_id") REFERENCES "public"."vehicles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vehicle_mileage_readings" ADD CONSTRAINT "vehicle_mileage_readings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "vehicle_mileage_readings_vehicle_idx" ON "vehicle_mileage_readings" USING btree ("vehicle_id","read_on");--> statement-breakpoint
-- The single mileage a vehicle carried becomes its first reading (imported vehicles: from the import).
INSERT INTO "vehicle_mileage_readings" ("vehicle_id", "read_on", "km", "source", "created_at")
SELECT v."id", coalesce(v."mileage_date", v."updated_at"::date), v."mileage_km",
       (CASE WHEN v."external_ref" IS NULL THEN 'manual' ELSE 'import' END)::"mileage_source", v."updated_at"
  FROM "vehicles" v
 WHERE v."mileage_km" IS NOT NULL;
--> statement-breakpoint
-- One reading: the kilometres a day since the first registration, once that is 30 days or more.
UPDATE "vehicles" SET "mileage_date" = coalesce("mileage_date", "updated_at"::date),
       "km_per_day" = CASE WHEN "first_registration" IS NOT NULL
                            AND coalesce("mileage_date", "updated_at"::date) - "first_registration" >= 30
                           THEN "mileage_km"::real / (coalesce("mileage_date", "updated_at"::date) - "first_registration") END
 WHERE "mileage_km" IS NOT NULL;
--> statement-breakpoint
ALTER TABLE "lifecycle_rules" ADD COLUMN "lead_days" integer DEFAULT 0 NOT NULL;