CREATE TABLE "determinations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hazard_id" uuid NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"venue_id" uuid,
	"rule_version" text NOT NULL,
	"major" boolean NOT NULL,
	"computed_major" boolean NOT NULL,
	"decided_by_rule" text NOT NULL,
	"input" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"decision" jsonb NOT NULL,
	"with_experts" boolean DEFAULT false NOT NULL,
	"determined_by_user_id" uuid NOT NULL,
	"determined_by_name" text NOT NULL,
	"determined_by_role" text NOT NULL,
	"determined_by_department_id" uuid,
	"determined_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "determinations" ADD CONSTRAINT "determinations_hazard_id_hazards_id_fk" FOREIGN KEY ("hazard_id") REFERENCES "hazards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "determinations" ADD CONSTRAINT "determinations_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "determinations" ADD CONSTRAINT "determinations_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "determinations" ADD CONSTRAINT "determinations_determined_by_user_id_users_id_fk" FOREIGN KEY ("determined_by_user_id") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "determinations" ADD CONSTRAINT "determinations_determined_by_department_id_departments_id_fk" FOREIGN KEY ("determined_by_department_id") REFERENCES "departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "determinations_hazard_idx" ON "determinations" USING btree ("hazard_id","determined_at");--> statement-breakpoint
CREATE INDEX "determinations_jurisdiction_idx" ON "determinations" USING btree ("jurisdiction_id");