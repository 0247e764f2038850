ALTER TABLE "timeline_entries" ADD COLUMN "text_key" text;--> statement-breakpoint
ALTER TABLE "timeline_entries" ADD COLUMN "text_params" jsonb;