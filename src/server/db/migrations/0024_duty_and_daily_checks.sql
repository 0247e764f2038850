CREATE TYPE "public"."duty_check_out_kind" AS ENUM('manual', 'automatic', 'closing_time');--> statement-breakpoint
CREATE TABLE "daily_check_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"check_id" uuid NOT NULL,
	"day" date NOT NULL,
	"user_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"findings" text NOT NULL,
	"ok" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "daily_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"location_id" uuid NOT NULL,
	"name" text NOT NULL,
	"weekdays" integer[] NOT NULL,
	"department" "department_kind",
	"role" "user_role",
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "duty_shifts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"checked_in_at" timestamp with time zone NOT NULL,
	"checked_out_at" timestamp with time zone,
	"check_out_kind" "duty_check_out_kind"
);
--> statement-breakpoint
CREATE TABLE "location_duty_settings" (
	"location_id" uuid PRIMARY KEY NOT NULL,
	"uses_check_in" boolean DEFAULT false NOT NULL,
	"auto_check_out_at_closing" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "daily_check_entries" ADD CONSTRAINT "daily_check_entries_check_id_daily_checks_id_fk" FOREIGN KEY ("check_id") REFERENCES "public"."daily_checks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_check_entries" ADD CONSTRAINT "daily_check_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_checks" ADD CONSTRAINT "daily_checks_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_shifts" ADD CONSTRAINT "duty_shifts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_shifts" ADD CONSTRAINT "duty_shifts_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "location_duty_settings" ADD CONSTRAINT "location_duty_settings_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "daily_check_entries_check_day_uq" ON "daily_check_entries" USING btree ("check_id","day");--> statement-breakpoint
CREATE INDEX "daily_checks_location_idx" ON "daily_checks" USING btree ("location_id");--> statement-breakpoint
CREATE UNIQUE INDEX "duty_shifts_one_open_uq" ON "duty_shifts" USING btree ("user_id") WHERE "duty_shifts"."checked_out_at" IS NULL;--> statement-breakpoint
CREATE INDEX "duty_shifts_location_open_idx" ON "duty_shifts" USING btree ("location_id","checked_out_at");--> statement-breakpoint
CREATE INDEX "duty_shifts_user_in_idx" ON "duty_shifts" USING btree ("user_id","checked_in_at");