CREATE TABLE "notification_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"outbox_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"recipient_key" text NOT NULL,
	"user_id" uuid,
	"report_id" uuid,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_deliveries_once_uq" UNIQUE("outbox_id","channel","recipient_key"),
	CONSTRAINT "notification_deliveries_channel_ck" CHECK (channel in ('in_app', 'email', 'sms', 'hotline')),
	CONSTRAINT "notification_deliveries_status_ck" CHECK (status in ('pending', 'sent', 'dead')),
	CONSTRAINT "notification_deliveries_target_ck" CHECK ((user_id is null) <> (report_id is null))
);
--> statement-breakpoint
ALTER TABLE "outbox" DROP CONSTRAINT "outbox_status_ck";--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_outbox_id_outbox_id_fk" FOREIGN KEY ("outbox_id") REFERENCES "outbox"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notification_deliveries_due_idx" ON "notification_deliveries" USING btree ("next_attempt_at") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "notification_deliveries_user_idx" ON "notification_deliveries" USING btree ("user_id","created_at") WHERE channel = 'in_app';--> statement-breakpoint
CREATE INDEX "notification_deliveries_report_idx" ON "notification_deliveries" USING btree ("report_id","created_at") WHERE channel = 'in_app';--> statement-breakpoint
CREATE INDEX "notification_deliveries_dead_idx" ON "notification_deliveries" USING btree ("created_at") WHERE status = 'dead';--> statement-breakpoint
-- Hand-written (not from the schema diff): the old 'failed' status becomes 'dead' before the new check.
UPDATE "outbox" SET "status" = 'dead' WHERE "status" = 'failed';--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_status_ck" CHECK (status in ('pending', 'sent', 'dead'));--> statement-breakpoint
-- Hand-written (not in the drizzle snapshot): the system role belongs to scheduled jobs, never to an account.
ALTER TABLE "users" ADD CONSTRAINT "users_not_system_ck" CHECK (role <> 'system');
