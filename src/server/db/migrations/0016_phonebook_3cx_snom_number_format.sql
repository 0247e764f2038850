CREATE TYPE "public"."phonebook_number_format" AS ENUM('national', 'international');--> statement-breakpoint
ALTER TYPE "public"."phonebook_format" ADD VALUE '3cx' BEFORE 'vcard';--> statement-breakpoint
ALTER TYPE "public"."phonebook_format" ADD VALUE 'snom' BEFORE 'fritzbox';--> statement-breakpoint
CREATE TABLE "phonebook_settings" (
	"format" "phonebook_format" PRIMARY KEY NOT NULL,
	"number_format" "phonebook_number_format" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
