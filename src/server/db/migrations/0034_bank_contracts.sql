ALTER TYPE "public"."financing_type" ADD VALUE 'balloon';--> statement-breakpoint
ALTER TABLE "vehicles" ADD COLUMN "financing_contract_number" text;--> statement-breakpoint
ALTER TABLE "vehicles" ADD COLUMN "financing_residual_cents" integer;