ALTER TABLE "draws" ALTER COLUMN "output" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "draws" ADD COLUMN "commitment" jsonb;--> statement-breakpoint
ALTER TABLE "draws" ADD COLUMN "committed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "draws" ADD COLUMN "server_seed" text;--> statement-breakpoint
ALTER TABLE "draws" ADD COLUMN "drawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "draws" ADD CONSTRAINT "draws_committed_ck" CHECK ((commitment is null) = (committed_at is null));--> statement-breakpoint
ALTER TABLE "draws" ADD CONSTRAINT "draws_published_drawn_ck" CHECK (published_at is null or output is not null);--> statement-breakpoint
-- A draw's commitment is public from the moment it is written: it, the time it was made and
-- the draw's inputs and output once drawn may never change (publishing is still frozen by draws_frozen).
CREATE FUNCTION firebreak_draw_commitment_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.commitment IS NOT NULL AND (NEW.commitment IS DISTINCT FROM OLD.commitment OR NEW.committed_at IS DISTINCT FROM OLD.committed_at OR NEW.jurisdiction_id IS DISTINCT FROM OLD.jurisdiction_id) THEN
    RAISE EXCEPTION USING ERRCODE = 'FBF01', MESSAGE = 'draws commitment is published and fixed (抽查承诺已公布，不可修改)';
  END IF;
  IF OLD.output IS NOT NULL AND OLD.commitment IS NOT NULL AND (NEW.output IS DISTINCT FROM OLD.output OR NEW.inputs IS DISTINCT FROM OLD.inputs OR NEW.drawn_at IS DISTINCT FROM OLD.drawn_at) THEN
    RAISE EXCEPTION USING ERRCODE = 'FBF01', MESSAGE = 'draws inputs and output are fixed once drawn (抽取结果不可修改)';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER draws_commitment_fixed BEFORE UPDATE ON draws
  FOR EACH ROW EXECUTE FUNCTION firebreak_draw_commitment_fixed();
