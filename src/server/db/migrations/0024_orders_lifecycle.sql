ALTER TABLE "contacts" ADD COLUMN "lifecycle" text DEFAULT 'customer' NOT NULL;--> statement-breakpoint
ALTER TABLE "purchase_orders" ADD COLUMN "planned_delivery_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "purchase_orders" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "purchase_orders" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "purchase_orders" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;