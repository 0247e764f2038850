CREATE TYPE "public"."sla_unit" AS ENUM('working_days', 'working_hours');--> statement-breakpoint
CREATE TABLE "request_type_settings" (
	"type" "request_type" PRIMARY KEY NOT NULL,
	"first_contact_amount" integer NOT NULL,
	"first_contact_unit" "sla_unit" NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "request_attachments" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "request_attachments" ADD COLUMN "created_by_api_key_id" uuid;--> statement-breakpoint
ALTER TABLE "request_type_settings" ADD CONSTRAINT "request_type_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_attachments" ADD CONSTRAINT "request_attachments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;