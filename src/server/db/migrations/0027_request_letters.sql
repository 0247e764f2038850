CREATE TYPE "public"."letter_text_source" AS ENUM('text_layer', 'ocr', 'mixed');--> statement-breakpoint
CREATE TYPE "public"."letter_text_status" AS ENUM('pending', 'read', 'unread');--> statement-breakpoint
CREATE TABLE "request_letters" (
	"request_id" uuid PRIMARY KEY NOT NULL,
	"attachment_id" uuid,
	"location_id" uuid NOT NULL,
	"file_hash" text NOT NULL,
	"upload_key" text,
	"created_by" uuid,
	"status" "letter_text_status" DEFAULT 'pending' NOT NULL,
	"source" "letter_text_source",
	"confidence" integer,
	"pages" integer,
	"text" text,
	"notes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "request_letters" ADD CONSTRAINT "request_letters_request_id_customer_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."customer_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_letters" ADD CONSTRAINT "request_letters_attachment_id_request_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."request_attachments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_letters" ADD CONSTRAINT "request_letters_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_letters" ADD CONSTRAINT "request_letters_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "request_letters_upload_key_uq" ON "request_letters" USING btree ("created_by","upload_key");--> statement-breakpoint
CREATE INDEX "request_letters_hash_idx" ON "request_letters" USING btree ("location_id","file_hash","created_at");--> statement-breakpoint
CREATE INDEX "request_letters_text_trgm_idx" ON "request_letters" USING gin ("text" gin_trgm_ops);