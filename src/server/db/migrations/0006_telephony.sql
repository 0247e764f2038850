CREATE TYPE "public"."call_direction" AS ENUM('inbound', 'outbound', 'internal');--> statement-breakpoint
CREATE TYPE "public"."call_state" AS ENUM('ringing', 'answered', 'on_hold', 'transferred', 'ended', 'missed');--> statement-breakpoint
CREATE TYPE "public"."connection_state" AS ENUM('disabled', 'connecting', 'connected', 'reconnecting', 'failed');--> statement-breakpoint
CREATE TYPE "public"."phonebook_format" AS ENUM('csv', 'vcard', 'yealink', 'fritzbox');--> statement-breakpoint
CREATE TYPE "public"."telephony_provider" AS ENUM('webhook', 'sipgate', 'placetel', 'csta');--> statement-breakpoint
CREATE TABLE "call_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"connection_id" uuid,
	"provider" "telephony_provider" NOT NULL,
	"event_key" text NOT NULL,
	"call_id" uuid,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"payload" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"connection_id" uuid,
	"provider" "telephony_provider" NOT NULL,
	"external_id" text NOT NULL,
	"parent_call_id" uuid,
	"direction" "call_direction" NOT NULL,
	"state" "call_state" NOT NULL,
	"from_number" text,
	"from_raw" text,
	"to_number" text,
	"to_raw" text,
	"dialled_number" text,
	"tracking_number_id" uuid,
	"source" text,
	"campaign" text,
	"location_id" uuid,
	"contact_id" uuid,
	"matched_contact_ids" uuid[] DEFAULT '{}' NOT NULL,
	"extensions" text[] DEFAULT '{}' NOT NULL,
	"user_ids" uuid[] DEFAULT '{}' NOT NULL,
	"answered_by_user_id" uuid,
	"started_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"duration_seconds" integer,
	"end_cause" text,
	"note" text,
	"note_author_id" uuid,
	"note_at" timestamp with time zone,
	"request_id" uuid,
	"follow_up_of_call_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "phonebook_snapshots" (
	"format" "phonebook_format" PRIMARY KEY NOT NULL,
	"content" text NOT NULL,
	"entry_count" integer NOT NULL,
	"generated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "telephony_connections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider" "telephony_provider" NOT NULL,
	"name" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"location_id" uuid,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"secret" text,
	"state" "connection_state" DEFAULT 'disabled' NOT NULL,
	"state_detail" text,
	"state_changed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "telephony_extensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"connection_id" uuid NOT NULL,
	"extension" text NOT NULL,
	"user_id" uuid NOT NULL,
	"label" text,
	"monitored" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tracking_numbers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"label" text NOT NULL,
	"source" text NOT NULL,
	"campaign" text,
	"channel" "request_channel" DEFAULT 'phone' NOT NULL,
	"listing_ref" text,
	"location_id" uuid,
	"route_user_id" uuid,
	"route_group_user_ids" uuid[] DEFAULT '{}' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "call_events" ADD CONSTRAINT "call_events_connection_id_telephony_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."telephony_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_events" ADD CONSTRAINT "call_events_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_connection_id_telephony_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."telephony_connections"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_tracking_number_id_tracking_numbers_id_fk" FOREIGN KEY ("tracking_number_id") REFERENCES "public"."tracking_numbers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_answered_by_user_id_users_id_fk" FOREIGN KEY ("answered_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_note_author_id_users_id_fk" FOREIGN KEY ("note_author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_request_id_customer_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."customer_requests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telephony_connections" ADD CONSTRAINT "telephony_connections_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telephony_extensions" ADD CONSTRAINT "telephony_extensions_connection_id_telephony_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."telephony_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telephony_extensions" ADD CONSTRAINT "telephony_extensions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_numbers" ADD CONSTRAINT "tracking_numbers_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_numbers" ADD CONSTRAINT "tracking_numbers_route_user_id_users_id_fk" FOREIGN KEY ("route_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "call_events_key_uq" ON "call_events" USING btree ("provider","connection_id","event_key");--> statement-breakpoint
CREATE INDEX "call_events_call_idx" ON "call_events" USING btree ("call_id","at");--> statement-breakpoint
CREATE INDEX "call_events_received_idx" ON "call_events" USING btree ("connection_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "calls_external_uq" ON "calls" USING btree ("provider","connection_id","external_id");--> statement-breakpoint
CREATE INDEX "calls_contact_idx" ON "calls" USING btree ("contact_id","started_at");--> statement-breakpoint
CREATE INDEX "calls_from_started_idx" ON "calls" USING btree ("from_number","started_at");--> statement-breakpoint
CREATE INDEX "calls_started_idx" ON "calls" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "calls_live_idx" ON "calls" USING btree ("started_at") WHERE state IN ('ringing','answered','on_hold');--> statement-breakpoint
CREATE UNIQUE INDEX "telephony_extensions_uq" ON "telephony_extensions" USING btree ("connection_id","extension");--> statement-breakpoint
CREATE INDEX "telephony_extensions_user_idx" ON "telephony_extensions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tracking_numbers_number_uq" ON "tracking_numbers" USING btree ("number");