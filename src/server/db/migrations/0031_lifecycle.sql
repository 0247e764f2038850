CREATE TABLE "lifecycle_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rule_id" uuid NOT NULL,
	"vehicle_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"occurrence" date NOT NULL,
	"due_on" date NOT NULL,
	"planned_on" date NOT NULL,
	"status" text NOT NULL,
	"skip_reason" text,
	"owner_id" uuid,
	"by_deputy" boolean DEFAULT false NOT NULL,
	"activity_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"settled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "lifecycle_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"default_key" text,
	"name" text NOT NULL,
	"location_id" uuid,
	"make" text,
	"trigger" text NOT NULL,
	"amount" integer NOT NULL,
	"phase" text,
	"action" text NOT NULL,
	"assignee" text NOT NULL,
	"activity_type" text NOT NULL,
	"consent_channel" text,
	"consent_purpose" text,
	"template" text DEFAULT '' NOT NULL,
	"lookback_days" integer DEFAULT 30 NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lifecycle_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"daily_cap_per_person" integer DEFAULT 20 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "lifecycle_actions" ADD CONSTRAINT "lifecycle_actions_rule_id_lifecycle_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."lifecycle_rules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lifecycle_actions" ADD CONSTRAINT "lifecycle_actions_vehicle_id_vehicles_id_fk" FOREIGN KEY ("vehicle_id") REFERENCES "public"."vehicles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lifecycle_actions" ADD CONSTRAINT "lifecycle_actions_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lifecycle_actions" ADD CONSTRAINT "lifecycle_actions_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lifecycle_rules" ADD CONSTRAINT "lifecycle_rules_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "lifecycle_actions_occurrence_uq" ON "lifecycle_actions" USING btree ("rule_id","vehicle_id","occurrence");--> statement-breakpoint
CREATE INDEX "lifecycle_actions_open_idx" ON "lifecycle_actions" USING btree ("planned_on") WHERE "lifecycle_actions"."status" = 'due';--> statement-breakpoint
CREATE INDEX "lifecycle_actions_owner_day_idx" ON "lifecycle_actions" USING btree ("owner_id","planned_on");--> statement-breakpoint
CREATE INDEX "lifecycle_actions_contact_idx" ON "lifecycle_actions" USING btree ("contact_id");--> statement-breakpoint
CREATE UNIQUE INDEX "lifecycle_rules_default_key_uq" ON "lifecycle_rules" USING btree ("default_key");--> statement-breakpoint
CREATE INDEX "vehicles_delivery_date_idx" ON "vehicles" USING btree ("delivery_date");