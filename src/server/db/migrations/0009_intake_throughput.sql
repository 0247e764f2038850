CREATE TABLE "reference_versions" (
	"id" integer PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "customer_requests_assignee_assigned_idx" ON "customer_requests" USING btree ("assignee_id","assigned_at");--> statement-breakpoint
INSERT INTO "reference_versions" ("id", "version") VALUES (1, 1);
--> statement-breakpoint
-- Reference data changed: bump the version the in-memory caches compare against.
CREATE OR REPLACE FUNCTION reference_version_bump() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  UPDATE reference_versions SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER locations_reference_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON locations
  FOR EACH STATEMENT EXECUTE FUNCTION reference_version_bump();
--> statement-breakpoint
CREATE TRIGGER departments_reference_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON departments
  FOR EACH STATEMENT EXECUTE FUNCTION reference_version_bump();
--> statement-breakpoint
-- Not on a login (last_login_at) or a password change: only what assignment and intake read.
CREATE TRIGGER users_reference_version
  AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF email, first_name, last_name, role, home_location_id, active ON users
  FOR EACH STATEMENT EXECUTE FUNCTION reference_version_bump();
--> statement-breakpoint
CREATE TRIGGER user_locations_reference_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON user_locations
  FOR EACH STATEMENT EXECUTE FUNCTION reference_version_bump();
--> statement-breakpoint
CREATE TRIGGER absences_reference_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON absences
  FOR EACH STATEMENT EXECUTE FUNCTION reference_version_bump();
--> statement-breakpoint
-- Not when round robin moves its pointer (last_assigned_user_id): that happens on every such intake.
CREATE TRIGGER assignment_rules_reference_version
  AFTER INSERT OR DELETE OR TRUNCATE
    OR UPDATE OF position, name, active, match, strategy, user_id, group_user_ids, notify_manager, notify_deputy
  ON assignment_rules
  FOR EACH STATEMENT EXECUTE FUNCTION reference_version_bump();
--> statement-breakpoint
CREATE TRIGGER request_type_settings_reference_version
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON request_type_settings
  FOR EACH STATEMENT EXECUTE FUNCTION reference_version_bump();
