CREATE TABLE "reward_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" text NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"state" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"year" integer NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "reward_lists_year_ck" CHECK (year between 2000 and 2999)
);
--> statement-breakpoint
ALTER TABLE "reward_lists" ADD CONSTRAINT "reward_lists_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "reward_lists_jurisdiction_year_uq" ON "reward_lists" USING btree ("jurisdiction_id","year");--> statement-breakpoint
CREATE INDEX "reward_lists_year_idx" ON "reward_lists" USING btree ("year","status");--> statement-breakpoint
-- A published yearly reward list is frozen, as published standards and reward rules are.
CREATE TRIGGER reward_lists_frozen BEFORE UPDATE OR DELETE ON reward_lists
  FOR EACH ROW EXECUTE FUNCTION firebreak_frozen_after_publish();
