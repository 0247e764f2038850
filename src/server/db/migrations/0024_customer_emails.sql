CREATE TABLE "customer_email_templates" (
	"key" text NOT NULL,
	"locale" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_email_templates_key_locale_pk" PRIMARY KEY("key","locale")
);
--> statement-breakpoint
CREATE TABLE "customer_emails" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contact_id" uuid NOT NULL,
	"request_id" uuid,
	"opportunity_id" uuid,
	"offer_id" uuid,
	"sent_by_id" uuid,
	"from_name" text NOT NULL,
	"from_address" text NOT NULL,
	"to" text NOT NULL,
	"reply_to" text,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"message_id" text NOT NULL,
	"in_reply_to" text,
	"references" text[] NOT NULL,
	"attachments" jsonb NOT NULL,
	"raw" "bytea" NOT NULL,
	"reason" text NOT NULL,
	"asked_in_request_id" uuid,
	"template_key" text,
	"outbox_email_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbox_emails" ADD COLUMN "raw" "bytea";--> statement-breakpoint
ALTER TABLE "outbox_emails" ADD COLUMN "envelope_from" text;--> statement-breakpoint
ALTER TABLE "contact_attempts" ADD COLUMN "email_id" uuid;--> statement-breakpoint
ALTER TABLE "customer_email_templates" ADD CONSTRAINT "customer_email_templates_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_emails" ADD CONSTRAINT "customer_emails_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_emails" ADD CONSTRAINT "customer_emails_sent_by_id_users_id_fk" FOREIGN KEY ("sent_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_emails_contact_idx" ON "customer_emails" USING btree ("contact_id","created_at");--> statement-breakpoint
CREATE INDEX "customer_emails_request_idx" ON "customer_emails" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "customer_emails_message_id_idx" ON "customer_emails" USING btree ("message_id");