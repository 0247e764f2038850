DROP INDEX "complaint_cases_description_trgm_idx";--> statement-breakpoint
CREATE INDEX "complaint_cases_description_trgm_gist" ON "complaint_cases" USING gist ("description" gist_trgm_ops);