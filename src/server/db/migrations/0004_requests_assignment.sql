CREATE TYPE "public"."attempt_channel" AS ENUM('phone', 'email', 'sms', 'letter', 'in_person');--> statement-breakpoint
CREATE TYPE "public"."attempt_outcome" AS ENUM('reached', 'no_answer', 'voicemail', 'wrong_number', 'email_sent');--> statement-breakpoint
CREATE TYPE "public"."lost_reason" AS ENUM('not_reached', 'bought_elsewhere', 'no_interest', 'price', 'no_stock', 'duplicate', 'spam', 'other');--> statement-breakpoint
CREATE TYPE "public"."priority" AS ENUM('low', 'normal', 'high', 'urgent');--> statement-breakpoint
CREATE TYPE "public"."request_channel" AS ENUM('phone', 'email', 'letter', 'walk_in', 'web_form', 'lead_portal', 'social_media');--> statement-breakpoint
CREATE TYPE "public"."request_status" AS ENUM('new', 'assigned', 'in_progress', 'waiting', 'done', 'lost');--> statement-breakpoint
CREATE TYPE "public"."request_type" AS ENUM('sales_lead', 'service_appointment', 'callback', 'parts', 'complaint', 'general');--> statement-breakpoint
CREATE TYPE "public"."template_kind" AS ENUM('phone_script', 'voicemail', 'email');--> statement-breakpoint
CREATE TYPE "public"."absence_kind" AS ENUM('holiday', 'sick', 'training', 'other');--> statement-breakpoint
CREATE TYPE "public"."assignment_strategy" AS ENUM('fixed_user', 'regular_consultant', 'regular_advisor', 'round_robin', 'least_loaded');--> statement-breakpoint
CREATE SEQUENCE "public"."request_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 100001 CACHE 1;--> statement-breakpoint
CREATE TABLE "contact_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"channel" "attempt_channel" NOT NULL,
	"outcome" "attempt_outcome" NOT NULL,
	"note" text,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"type" "request_type" NOT NULL,
	"channel" "request_channel" NOT NULL,
	"source" text,
	"campaign" text,
	"location_id" uuid NOT NULL,
	"brand" text,
	"subject" text NOT NULL,
	"message" text,
	"contact_id" uuid NOT NULL,
	"vehicle_id" uuid,
	"vehicle_interest" jsonb,
	"priority" "priority" DEFAULT 'normal' NOT NULL,
	"callback_from" timestamp with time zone,
	"callback_to" timestamp with time zone,
	"status" "request_status" DEFAULT 'new' NOT NULL,
	"outcome" text,
	"lost_reason" "lost_reason",
	"assignee_id" uuid,
	"on_behalf_of_id" uuid,
	"assignment_rule_id" uuid,
	"assigned_at" timestamp with time zone,
	"received_at" timestamp with time zone NOT NULL,
	"first_contact_due_at" timestamp with time zone,
	"first_contacted_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"external_source" text,
	"external_id" text,
	"created_by" uuid,
	"created_by_api_key_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intake_keys" (
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"request_id" uuid,
	"response_status" integer NOT NULL,
	"response_body" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "message_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_type" "request_type" NOT NULL,
	"kind" "template_kind" NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"kind" text NOT NULL,
	"from_status" "request_status",
	"to_status" "request_status",
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "absences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" "absence_kind" NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"deputy_id" uuid,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assignment_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"match" jsonb NOT NULL,
	"strategy" "assignment_strategy" NOT NULL,
	"user_id" uuid,
	"group_user_ids" uuid[] DEFAULT '{}' NOT NULL,
	"last_assigned_user_id" uuid,
	"notify_manager" boolean DEFAULT false NOT NULL,
	"notify_deputy" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contact_attempts" ADD CONSTRAINT "contact_attempts_request_id_customer_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."customer_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_attempts" ADD CONSTRAINT "contact_attempts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_requests" ADD CONSTRAINT "customer_requests_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_requests" ADD CONSTRAINT "customer_requests_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_requests" ADD CONSTRAINT "customer_requests_vehicle_id_vehicles_id_fk" FOREIGN KEY ("vehicle_id") REFERENCES "public"."vehicles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_requests" ADD CONSTRAINT "customer_requests_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_requests" ADD CONSTRAINT "customer_requests_on_behalf_of_id_users_id_fk" FOREIGN KEY ("on_behalf_of_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_requests" ADD CONSTRAINT "customer_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_keys" ADD CONSTRAINT "intake_keys_request_id_customer_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."customer_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_templates" ADD CONSTRAINT "message_templates_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_attachments" ADD CONSTRAINT "request_attachments_request_id_customer_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."customer_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_events" ADD CONSTRAINT "request_events_request_id_customer_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."customer_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_events" ADD CONSTRAINT "request_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absences" ADD CONSTRAINT "absences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absences" ADD CONSTRAINT "absences_deputy_id_users_id_fk" FOREIGN KEY ("deputy_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absences" ADD CONSTRAINT "absences_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_rules" ADD CONSTRAINT "assignment_rules_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_attempts_request_idx" ON "contact_attempts" USING btree ("request_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_requests_number_uq" ON "customer_requests" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_requests_external_uq" ON "customer_requests" USING btree ("external_source","external_id");--> statement-breakpoint
CREATE INDEX "customer_requests_assignee_open_idx" ON "customer_requests" USING btree ("assignee_id","first_contact_due_at") WHERE status IN ('new','assigned','in_progress','waiting');--> statement-breakpoint
CREATE INDEX "customer_requests_location_received_idx" ON "customer_requests" USING btree ("location_id","received_at");--> statement-breakpoint
CREATE INDEX "customer_requests_contact_idx" ON "customer_requests" USING btree ("contact_id","received_at");--> statement-breakpoint
CREATE INDEX "customer_requests_status_due_idx" ON "customer_requests" USING btree ("status","first_contact_due_at");--> statement-breakpoint
CREATE UNIQUE INDEX "intake_keys_scope_key_uq" ON "intake_keys" USING btree ("scope","key");--> statement-breakpoint
CREATE UNIQUE INDEX "message_templates_type_kind_uq" ON "message_templates" USING btree ("request_type","kind");--> statement-breakpoint
CREATE INDEX "request_attachments_request_idx" ON "request_attachments" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "request_events_request_idx" ON "request_events" USING btree ("request_id","at");--> statement-breakpoint
CREATE INDEX "absences_user_idx" ON "absences" USING btree ("user_id","starts_on","ends_on");--> statement-breakpoint
CREATE INDEX "assignment_rules_position_idx" ON "assignment_rules" USING btree ("position");