ALTER TABLE "service_tickets" ADD COLUMN "call_id" uuid;--> statement-breakpoint
ALTER TABLE "service_tickets" ADD CONSTRAINT "service_tickets_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "service_tickets_call_template_uq" ON "service_tickets" USING btree ("call_id","template_id");