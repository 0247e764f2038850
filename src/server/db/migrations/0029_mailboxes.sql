CREATE TYPE "public"."mailbox_after_processing" AS ENUM('flag', 'move');--> statement-breakpoint
CREATE TYPE "public"."inbound_outcome" AS ENUM('new_request', 'added_to_request', 'auto_reply', 'bounce', 'adf_lead', 'unreadable');--> statement-breakpoint
CREATE TYPE "public"."mailbox_state" AS ENUM('disabled', 'connecting', 'connected', 'error');--> statement-breakpoint
CREATE TABLE "inbound_emails" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mailbox_id" uuid NOT NULL,
	"uid_validity" bigint NOT NULL,
	"uid" bigint NOT NULL,
	"message_id" text,
	"in_reply_to" text,
	"references" text[] DEFAULT '{}'::text[] NOT NULL,
	"from_address" text,
	"from_name" text,
	"subject" text,
	"sent_at" timestamp with time zone,
	"text" text,
	"html" text,
	"raw" "bytea" NOT NULL,
	"size" integer NOT NULL,
	"request_id" uuid,
	"outcome" "inbound_outcome" NOT NULL,
	"notes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mailboxes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"location_id" uuid NOT NULL,
	"department" "department_kind",
	"name" text NOT NULL,
	"address" text NOT NULL,
	"host" text NOT NULL,
	"port" integer NOT NULL,
	"tls" boolean DEFAULT true NOT NULL,
	"username" text NOT NULL,
	"secret" text,
	"folder" text DEFAULT 'INBOX' NOT NULL,
	"default_type" "request_type" DEFAULT 'general' NOT NULL,
	"type_rules" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"after_processing" "mailbox_after_processing" DEFAULT 'flag' NOT NULL,
	"move_to_folder" text,
	"acknowledge" boolean DEFAULT false NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"poll_seconds" integer DEFAULT 60 NOT NULL,
	"state" "mailbox_state" DEFAULT 'disabled' NOT NULL,
	"state_detail" text,
	"state_changed_at" timestamp with time zone,
	"last_mail_at" timestamp with time zone,
	"last_error" text,
	"last_error_at" timestamp with time zone,
	"lease_holder" text,
	"lease_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contact_emails" ADD COLUMN "bounced_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "contact_emails" ADD COLUMN "bounce_reason" text;--> statement-breakpoint
ALTER TABLE "inbound_emails" ADD CONSTRAINT "inbound_emails_mailbox_id_mailboxes_id_fk" FOREIGN KEY ("mailbox_id") REFERENCES "public"."mailboxes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailboxes" ADD CONSTRAINT "mailboxes_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inbound_emails_uid_uq" ON "inbound_emails" USING btree ("mailbox_id","uid_validity","uid");--> statement-breakpoint
CREATE INDEX "inbound_emails_message_id_idx" ON "inbound_emails" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "inbound_emails_request_idx" ON "inbound_emails" USING btree ("request_id","received_at");