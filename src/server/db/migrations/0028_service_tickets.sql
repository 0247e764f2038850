CREATE TABLE "service_process_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"template_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"role" text NOT NULL,
	"expected_minutes" integer NOT NULL,
	"expected_cost_cents" integer NOT NULL,
	"activity_type" text
);
--> statement-breakpoint
CREATE TABLE "service_process_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"activity" text NOT NULL,
	"location_id" uuid,
	"current" boolean DEFAULT true NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_ticket_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ticket_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"role" text NOT NULL,
	"expected_minutes" integer NOT NULL,
	"expected_cost_cents" integer NOT NULL,
	"activity_type" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"assignee_id" uuid,
	"activity_id" uuid,
	"started_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"completed_by_id" uuid,
	"actual_minutes" integer,
	"actual_cost_cents" integer,
	"note" text,
	"escalated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "service_tickets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"template_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"vehicle_id" uuid,
	"location_id" uuid NOT NULL,
	"request_id" uuid,
	"note" text,
	"status" text DEFAULT 'open' NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_tickets_number_unique" UNIQUE("number")
);
--> statement-breakpoint
ALTER TABLE "service_process_steps" ADD CONSTRAINT "service_process_steps_template_id_service_process_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."service_process_templates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_process_templates" ADD CONSTRAINT "service_process_templates_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_process_templates" ADD CONSTRAINT "service_process_templates_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_ticket_steps" ADD CONSTRAINT "service_ticket_steps_ticket_id_service_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."service_tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_ticket_steps" ADD CONSTRAINT "service_ticket_steps_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_ticket_steps" ADD CONSTRAINT "service_ticket_steps_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_ticket_steps" ADD CONSTRAINT "service_ticket_steps_completed_by_id_users_id_fk" FOREIGN KEY ("completed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_tickets" ADD CONSTRAINT "service_tickets_template_id_service_process_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."service_process_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_tickets" ADD CONSTRAINT "service_tickets_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_tickets" ADD CONSTRAINT "service_tickets_vehicle_id_vehicles_id_fk" FOREIGN KEY ("vehicle_id") REFERENCES "public"."vehicles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_tickets" ADD CONSTRAINT "service_tickets_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_tickets" ADD CONSTRAINT "service_tickets_request_id_customer_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."customer_requests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_tickets" ADD CONSTRAINT "service_tickets_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "service_process_steps_position_idx" ON "service_process_steps" USING btree ("template_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "service_process_templates_version_idx" ON "service_process_templates" USING btree ("family_id","version");--> statement-breakpoint
CREATE INDEX "service_process_templates_current_idx" ON "service_process_templates" USING btree ("current","location_id");--> statement-breakpoint
CREATE UNIQUE INDEX "service_ticket_steps_position_idx" ON "service_ticket_steps" USING btree ("ticket_id","position");--> statement-breakpoint
CREATE INDEX "service_ticket_steps_assignee_idx" ON "service_ticket_steps" USING btree ("assignee_id","status");--> statement-breakpoint
CREATE INDEX "service_ticket_steps_activity_idx" ON "service_ticket_steps" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "service_tickets_location_idx" ON "service_tickets" USING btree ("location_id","status","due_at");--> statement-breakpoint
CREATE INDEX "service_tickets_request_idx" ON "service_tickets" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "service_tickets_contact_idx" ON "service_tickets" USING btree ("contact_id");