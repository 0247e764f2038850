CREATE TABLE "lifecycle_print_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"location_id" uuid NOT NULL,
	"created_by" uuid,
	"letter_count" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unsubscribe_links" (
	"token" text PRIMARY KEY NOT NULL,
	"contact_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"unsubscribed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "lifecycle_actions" ADD COLUMN "location_id" uuid;--> statement-breakpoint
ALTER TABLE "lifecycle_actions" ADD COLUMN "message_id" text;--> statement-breakpoint
ALTER TABLE "lifecycle_actions" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "lifecycle_actions" ADD COLUMN "last_error" text;--> statement-breakpoint
ALTER TABLE "lifecycle_actions" ADD COLUMN "next_attempt_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "lifecycle_actions" ADD COLUMN "print_batch_id" uuid;--> statement-breakpoint
ALTER TABLE "lifecycle_rules" ADD COLUMN "subject" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "lifecycle_print_batches" ADD CONSTRAINT "lifecycle_print_batches_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lifecycle_print_batches" ADD CONSTRAINT "lifecycle_print_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unsubscribe_links" ADD CONSTRAINT "unsubscribe_links_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lifecycle_print_batches_location_idx" ON "lifecycle_print_batches" USING btree ("location_id","created_at");--> statement-breakpoint
CREATE INDEX "unsubscribe_links_contact_idx" ON "unsubscribe_links" USING btree ("contact_id");--> statement-breakpoint
ALTER TABLE "lifecycle_actions" ADD CONSTRAINT "lifecycle_actions_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lifecycle_actions" ADD CONSTRAINT "lifecycle_actions_print_batch_id_lifecycle_print_batches_id_fk" FOREIGN KEY ("print_batch_id") REFERENCES "public"."lifecycle_print_batches"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lifecycle_actions_pending_send_idx" ON "lifecycle_actions" USING btree ("location_id") WHERE "lifecycle_actions"."status" = 'pending_send';--> statement-breakpoint
CREATE INDEX "lifecycle_actions_print_batch_idx" ON "lifecycle_actions" USING btree ("print_batch_id");--> statement-breakpoint
-- Letters and e-mails already waiting get the location whose letterhead they go out on.
UPDATE "lifecycle_actions" a SET "location_id" = coalesce(v."location_id", c."home_location_id")
  FROM "vehicles" v, "contacts" c
 WHERE v."id" = a."vehicle_id" AND c."id" = a."contact_id" AND a."status" = 'pending_send';
