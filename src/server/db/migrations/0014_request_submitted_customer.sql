ALTER TABLE "customer_requests" ADD COLUMN "submitted_customer" jsonb;--> statement-breakpoint
ALTER TABLE "customer_requests" ADD COLUMN "contact_match" jsonb;--> statement-breakpoint
ALTER TABLE "customer_requests" ADD COLUMN "content_hash" text;--> statement-breakpoint
CREATE INDEX "customer_requests_content_hash_idx" ON "customer_requests" USING btree ("content_hash","received_at") WHERE content_hash IS NOT NULL;