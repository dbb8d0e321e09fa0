CREATE TABLE "campaign_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"sequence" integer NOT NULL,
	"issue_number" text NOT NULL,
	"title" text NOT NULL,
	"sections" jsonb NOT NULL,
	"figures" jsonb NOT NULL,
	"issued_by_id" uuid NOT NULL,
	"issued_by_name" text NOT NULL,
	"issued_by_role" text NOT NULL,
	"department_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_reports_kind_ck" CHECK (kind in ('weekly_analysis', 'semimonthly_summary', 'monthly_dispatch', 'quarterly_report')),
	CONSTRAINT "campaign_reports_period_ck" CHECK (period_to >= period_from)
);
--> statement-breakpoint
ALTER TABLE "campaign_reports" ADD CONSTRAINT "campaign_reports_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_reports" ADD CONSTRAINT "campaign_reports_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_reports" ADD CONSTRAINT "campaign_reports_issued_by_id_users_id_fk" FOREIGN KEY ("issued_by_id") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_reports" ADD CONSTRAINT "campaign_reports_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_reports_period_uq" ON "campaign_reports" USING btree ("campaign_id","kind","period_from");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_reports_sequence_uq" ON "campaign_reports" USING btree ("campaign_id","kind","sequence");--> statement-breakpoint
CREATE INDEX "campaign_reports_campaign_idx" ON "campaign_reports" USING btree ("campaign_id","created_at");--> statement-breakpoint
-- An issued report is a record: it is never edited or withdrawn (a correction is a new issue).
CREATE TRIGGER campaign_reports_append_only BEFORE UPDATE OR DELETE ON campaign_reports
  FOR EACH ROW EXECUTE FUNCTION firebreak_append_only();
