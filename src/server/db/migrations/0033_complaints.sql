CREATE SEQUENCE "public"."complaint_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 100001 CACHE 1;--> statement-breakpoint
CREATE TABLE "complaint_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"request_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"category" text,
	"severity" text,
	"department" text,
	"justified" text DEFAULT 'open' NOT NULL,
	"root_cause" text,
	"description" text NOT NULL,
	"vehicle_id" uuid,
	"model" text,
	"parts_cents" integer DEFAULT 0 NOT NULL,
	"labour_cents" integer DEFAULT 0 NOT NULL,
	"goodwill_manufacturer_cents" integer DEFAULT 0 NOT NULL,
	"goodwill_dealer_cents" integer DEFAULT 0 NOT NULL,
	"minutes_spent" integer DEFAULT 0 NOT NULL,
	"satisfaction" integer,
	"satisfaction_scale" text,
	"outcome" text,
	"opened_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"passed_on_at" timestamp with time zone,
	"passed_on_by_id" uuid,
	"passed_on_to" text,
	"passed_on_note" text,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaint_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"kind" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaint_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"responsible_id" uuid,
	"due_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"done_at" timestamp with time zone,
	"done_by_id" uuid,
	"escalated_at" timestamp with time zone,
	"note" text,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "complaint_cases" ADD CONSTRAINT "complaint_cases_request_id_customer_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."customer_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_cases" ADD CONSTRAINT "complaint_cases_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_cases" ADD CONSTRAINT "complaint_cases_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_cases" ADD CONSTRAINT "complaint_cases_vehicle_id_vehicles_id_fk" FOREIGN KEY ("vehicle_id") REFERENCES "public"."vehicles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_cases" ADD CONSTRAINT "complaint_cases_passed_on_by_id_users_id_fk" FOREIGN KEY ("passed_on_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_events" ADD CONSTRAINT "complaint_events_case_id_complaint_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."complaint_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_events" ADD CONSTRAINT "complaint_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_steps" ADD CONSTRAINT "complaint_steps_case_id_complaint_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."complaint_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_steps" ADD CONSTRAINT "complaint_steps_responsible_id_users_id_fk" FOREIGN KEY ("responsible_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_steps" ADD CONSTRAINT "complaint_steps_done_by_id_users_id_fk" FOREIGN KEY ("done_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "complaint_cases_request_uq" ON "complaint_cases" USING btree ("request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "complaint_cases_number_uq" ON "complaint_cases" USING btree ("number");--> statement-breakpoint
CREATE INDEX "complaint_cases_contact_idx" ON "complaint_cases" USING btree ("contact_id","opened_at");--> statement-breakpoint
CREATE INDEX "complaint_cases_vehicle_idx" ON "complaint_cases" USING btree ("vehicle_id","opened_at");--> statement-breakpoint
CREATE INDEX "complaint_cases_model_category_idx" ON "complaint_cases" USING btree ("model","category","opened_at");--> statement-breakpoint
CREATE INDEX "complaint_cases_location_status_idx" ON "complaint_cases" USING btree ("location_id","status","opened_at");--> statement-breakpoint
CREATE INDEX "complaint_cases_opened_idx" ON "complaint_cases" USING btree ("opened_at");--> statement-breakpoint
CREATE INDEX "complaint_cases_description_trgm_gist" ON "complaint_cases" USING gist ("description" gist_trgm_ops);--> statement-breakpoint
CREATE INDEX "complaint_events_case_idx" ON "complaint_events" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "complaint_steps_case_idx" ON "complaint_steps" USING btree ("case_id","position");--> statement-breakpoint
CREATE INDEX "complaint_steps_open_due_idx" ON "complaint_steps" USING btree ("due_at") WHERE "complaint_steps"."status" = 'open';