CREATE TABLE "live_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "live_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"user_id" uuid NOT NULL,
	"type" text NOT NULL,
	"data" jsonb NOT NULL,
	"inserted_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "live_events" ADD CONSTRAINT "live_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "live_events_user_idx" ON "live_events" USING btree ("user_id","id");--> statement-breakpoint
CREATE INDEX "live_events_inserted_idx" ON "live_events" USING btree ("inserted_at");--> statement-breakpoint
-- A live event is announced by the row itself, so nothing can insert one without its NOTIFY.
-- PostgreSQL refuses payloads of 8000 bytes or more: a large event travels by its id.
CREATE FUNCTION live_event_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  payload text := json_build_object(
    'id', NEW.id, 'userId', NEW.user_id, 'at', NEW.inserted_at, 'type', NEW.type, 'data', NEW.data)::text;
BEGIN
  IF octet_length(payload) > 7900 THEN
    payload := json_build_object('id', NEW.id, 'userId', NEW.user_id, 'at', NEW.inserted_at)::text;
  END IF;
  PERFORM pg_notify('crm_events', payload);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER live_events_notify AFTER INSERT ON live_events FOR EACH ROW EXECUTE FUNCTION live_event_notify();
--> statement-breakpoint
-- Sessions end by their rows going away (logout, revocation, deactivation, a password change,
-- the purge), whoever deletes them: every process is told to check the streams it holds.
CREATE FUNCTION sessions_ended_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('crm_sessions_ended', '{}');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER sessions_ended AFTER DELETE OR TRUNCATE ON sessions FOR EACH STATEMENT EXECUTE FUNCTION sessions_ended_notify();
