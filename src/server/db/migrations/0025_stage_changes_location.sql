DROP INDEX "opportunity_stage_changes_at_idx";--> statement-breakpoint
ALTER TABLE "opportunity_stage_changes" ADD COLUMN "location_id" uuid;--> statement-breakpoint
UPDATE "opportunity_stage_changes" c SET "location_id" = o."location_id" FROM "opportunities" o WHERE o."id" = c."opportunity_id";--> statement-breakpoint
ALTER TABLE "opportunity_stage_changes" ALTER COLUMN "location_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "opportunity_stage_changes" ADD CONSTRAINT "opportunity_stage_changes_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "opportunity_stage_changes_location_idx" ON "opportunity_stage_changes" USING btree ("location_id","at");
