DROP INDEX "activities_owner_start_idx";--> statement-breakpoint
DROP INDEX "activities_location_start_idx";--> statement-breakpoint
CREATE INDEX "activities_owner_start_idx" ON "activities" USING btree ("owner_id","starts_at","ends_at");--> statement-breakpoint
CREATE INDEX "activities_location_start_idx" ON "activities" USING btree ("location_id","starts_at","ends_at");