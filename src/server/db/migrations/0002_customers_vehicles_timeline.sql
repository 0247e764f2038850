CREATE TYPE "public"."address_kind" AS ENUM('home', 'work', 'billing', 'delivery');--> statement-breakpoint
CREATE TYPE "public"."channel" AS ENUM('phone', 'email', 'sms', 'letter');--> statement-breakpoint
CREATE TYPE "public"."consent_purpose" AS ENUM('marketing', 'service_reminders');--> statement-breakpoint
CREATE TYPE "public"."consent_source" AS ENUM('signed_form', 'web_form', 'double_opt_in', 'verbal', 'email', 'letter', 'import', 'other');--> statement-breakpoint
CREATE TYPE "public"."consent_status" AS ENUM('granted', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."contact_kind" AS ENUM('person', 'company');--> statement-breakpoint
CREATE TYPE "public"."email_kind" AS ENUM('private', 'work');--> statement-breakpoint
CREATE TYPE "public"."phone_kind" AS ENUM('mobile', 'landline', 'work', 'fax');--> statement-breakpoint
CREATE TYPE "public"."salutation" AS ENUM('mr', 'ms', 'mx', 'none');--> statement-breakpoint
CREATE TYPE "public"."financing_type" AS ENUM('none', 'financing', 'leasing');--> statement-breakpoint
CREATE TYPE "public"."fuel" AS ENUM('petrol', 'diesel', 'hybrid', 'plugin_hybrid', 'electric', 'lpg', 'cng', 'hydrogen', 'other');--> statement-breakpoint
CREATE TYPE "public"."vehicle_role" AS ENUM('owner', 'keeper', 'driver', 'company_car_user');--> statement-breakpoint
CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contact_id" uuid NOT NULL,
	"channel" "channel" NOT NULL,
	"purpose" "consent_purpose" NOT NULL,
	"status" "consent_status" NOT NULL,
	"effective_at" timestamp with time zone NOT NULL,
	"source" "consent_source" NOT NULL,
	"note" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_addresses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contact_id" uuid NOT NULL,
	"kind" "address_kind" DEFAULT 'home' NOT NULL,
	"street" text NOT NULL,
	"postal_code" text NOT NULL,
	"city" text NOT NULL,
	"country" text DEFAULT 'DE' NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_blocks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contact_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"blocked_by" uuid,
	"blocked_at" timestamp with time zone NOT NULL,
	"blocked_until" timestamp with time zone,
	"lifted_at" timestamp with time zone,
	"lifted_by" uuid,
	"lift_reason" text
);
--> statement-breakpoint
CREATE TABLE "contact_emails" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contact_id" uuid NOT NULL,
	"kind" "email_kind" DEFAULT 'private' NOT NULL,
	"address" text NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_phones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contact_id" uuid NOT NULL,
	"kind" "phone_kind" NOT NULL,
	"raw" text NOT NULL,
	"e164" text,
	"valid" boolean NOT NULL,
	"digits_reversed" text NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "contact_kind" NOT NULL,
	"customer_number" text NOT NULL,
	"home_location_id" uuid NOT NULL,
	"salutation" "salutation" DEFAULT 'none' NOT NULL,
	"title" text,
	"first_name" text,
	"last_name" text,
	"company_name" text,
	"company_id" uuid,
	"position" text,
	"date_of_birth" date,
	"sales_consultant_id" uuid,
	"service_advisor_id" uuid,
	"preferred_channel" "channel",
	"notes" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"payment_remarks" text,
	"display_name" text NOT NULL,
	"search_name" text NOT NULL,
	"merged_into_id" uuid,
	"external_ref" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_number_counters" (
	"location_id" uuid PRIMARY KEY NOT NULL,
	"next" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vehicle_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vehicle_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"role" "vehicle_role" NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_to" timestamp with time zone,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "vehicles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vin" text,
	"plate" text,
	"plate_normalized" text,
	"make" text NOT NULL,
	"model" text NOT NULL,
	"variant" text,
	"fuel" "fuel",
	"first_registration" date,
	"mileage_km" integer,
	"mileage_date" date,
	"delivery_date" date,
	"warranty_end" date,
	"service_contract" boolean DEFAULT false NOT NULL,
	"service_contract_until" date,
	"financing_type" "financing_type" DEFAULT 'none' NOT NULL,
	"financing_bank" text,
	"financing_end" date,
	"location_id" uuid,
	"notes" text,
	"external_ref" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "timeline_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"contact_id" uuid,
	"vehicle_id" uuid,
	"kind" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"author_id" uuid,
	"summary" text NOT NULL,
	"body" text,
	"data" jsonb,
	"source_type" text,
	"source_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"target" text NOT NULL,
	"format" text NOT NULL,
	"file_name" text NOT NULL,
	"content" "bytea" NOT NULL,
	"status" text NOT NULL,
	"headers" text[] DEFAULT '{}'::text[] NOT NULL,
	"mapping" jsonb,
	"options" jsonb,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"report" jsonb,
	"error" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_addresses" ADD CONSTRAINT "contact_addresses_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_blocks" ADD CONSTRAINT "contact_blocks_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_blocks" ADD CONSTRAINT "contact_blocks_blocked_by_users_id_fk" FOREIGN KEY ("blocked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_blocks" ADD CONSTRAINT "contact_blocks_lifted_by_users_id_fk" FOREIGN KEY ("lifted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_emails" ADD CONSTRAINT "contact_emails_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_phones" ADD CONSTRAINT "contact_phones_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_home_location_id_locations_id_fk" FOREIGN KEY ("home_location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_sales_consultant_id_users_id_fk" FOREIGN KEY ("sales_consultant_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_service_advisor_id_users_id_fk" FOREIGN KEY ("service_advisor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_number_counters" ADD CONSTRAINT "customer_number_counters_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vehicle_contacts" ADD CONSTRAINT "vehicle_contacts_vehicle_id_vehicles_id_fk" FOREIGN KEY ("vehicle_id") REFERENCES "public"."vehicles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vehicle_contacts" ADD CONSTRAINT "vehicle_contacts_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vehicle_contacts" ADD CONSTRAINT "vehicle_contacts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vehicles" ADD CONSTRAINT "vehicles_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consents_contact_idx" ON "consents" USING btree ("contact_id","channel","purpose","effective_at");--> statement-breakpoint
CREATE INDEX "contact_addresses_contact_idx" ON "contact_addresses" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "contact_addresses_postal_idx" ON "contact_addresses" USING btree ("postal_code");--> statement-breakpoint
CREATE INDEX "contact_blocks_contact_idx" ON "contact_blocks" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "contact_emails_contact_idx" ON "contact_emails" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "contact_emails_address_idx" ON "contact_emails" USING btree ("address" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "contact_phones_contact_idx" ON "contact_phones" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "contact_phones_e164_idx" ON "contact_phones" USING btree ("e164");--> statement-breakpoint
CREATE INDEX "contact_phones_digits_reversed_idx" ON "contact_phones" USING btree ("digits_reversed" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "contacts_customer_number_uq" ON "contacts" USING btree ("customer_number");--> statement-breakpoint
CREATE UNIQUE INDEX "contacts_external_ref_uq" ON "contacts" USING btree ("external_ref");--> statement-breakpoint
CREATE INDEX "contacts_search_name_trgm" ON "contacts" USING gin ("search_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "contacts_display_name_id_idx" ON "contacts" USING btree ("display_name","id");--> statement-breakpoint
CREATE INDEX "contacts_home_location_idx" ON "contacts" USING btree ("home_location_id","display_name","id");--> statement-breakpoint
CREATE INDEX "contacts_company_idx" ON "contacts" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "contacts_sales_consultant_idx" ON "contacts" USING btree ("sales_consultant_id");--> statement-breakpoint
CREATE INDEX "contacts_updated_at_idx" ON "contacts" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "vehicle_contacts_vehicle_idx" ON "vehicle_contacts" USING btree ("vehicle_id","valid_to");--> statement-breakpoint
CREATE INDEX "vehicle_contacts_contact_idx" ON "vehicle_contacts" USING btree ("contact_id","valid_to");--> statement-breakpoint
CREATE UNIQUE INDEX "vehicles_vin_uq" ON "vehicles" USING btree ("vin");--> statement-breakpoint
CREATE UNIQUE INDEX "vehicles_external_ref_uq" ON "vehicles" USING btree ("external_ref");--> statement-breakpoint
CREATE INDEX "vehicles_vin_last7_idx" ON "vehicles" USING btree (right("vin", 7));--> statement-breakpoint
CREATE INDEX "vehicles_plate_normalized_idx" ON "vehicles" USING btree ("plate_normalized" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "vehicles_make_model_id_idx" ON "vehicles" USING btree ("make","model","id");--> statement-breakpoint
CREATE INDEX "vehicles_plate_id_idx" ON "vehicles" USING btree ("plate_normalized","id");--> statement-breakpoint
CREATE INDEX "vehicles_first_registration_id_idx" ON "vehicles" USING btree ("first_registration","id");--> statement-breakpoint
CREATE INDEX "vehicles_updated_at_id_idx" ON "vehicles" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "timeline_contact_idx" ON "timeline_entries" USING btree ("contact_id","occurred_at","id");--> statement-breakpoint
CREATE INDEX "timeline_vehicle_idx" ON "timeline_entries" USING btree ("vehicle_id","occurred_at","id");--> statement-breakpoint
CREATE INDEX "timeline_source_idx" ON "timeline_entries" USING btree ("source_type","source_id");--> statement-breakpoint
CREATE INDEX "import_jobs_created_idx" ON "import_jobs" USING btree ("created_at");