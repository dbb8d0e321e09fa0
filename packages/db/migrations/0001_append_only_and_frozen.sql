-- Hand-written (drizzle-kit generate --custom): rules the schema DSL cannot express.
-- Names are unqualified on purpose so the migration lands in whatever schema
-- search_path names; functions look tables up through TG_TABLE_SCHEMA for the same reason.
-- Custom SQLSTATEs let the application tell these refusals apart:
--   FBA01 append-only table changed, FBF01 published (frozen) row changed.

CREATE FUNCTION firebreak_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING
    ERRCODE = 'FBA01',
    MESSAGE = format('%s is append-only: %s refused (只能追加，不可修改或删除)', TG_TABLE_NAME, TG_OP);
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION firebreak_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION firebreak_append_only();
--> statement-breakpoint
CREATE TRIGGER hazard_events_append_only BEFORE UPDATE OR DELETE ON hazard_events
  FOR EACH ROW EXECUTE FUNCTION firebreak_append_only();
--> statement-breakpoint
CREATE TRIGGER hazard_events_no_truncate BEFORE TRUNCATE ON hazard_events
  FOR EACH STATEMENT EXECUTE FUNCTION firebreak_append_only();
--> statement-breakpoint

-- A published standard, draw or reward-rule version is cited by later records
-- (inspections, public draw results, computed rewards): it may not change or vanish.
-- Publishing itself (published_at going from null to a value) is allowed.
CREATE FUNCTION firebreak_frozen_after_publish() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (to_jsonb(OLD) ->> 'published_at') IS NOT NULL THEN
    RAISE EXCEPTION USING
      ERRCODE = 'FBF01',
      MESSAGE = format('%s row is published and frozen: %s refused (已发布，不可修改)', TG_TABLE_NAME, TG_OP);
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER standards_frozen BEFORE UPDATE OR DELETE ON standards
  FOR EACH ROW EXECUTE FUNCTION firebreak_frozen_after_publish();
--> statement-breakpoint
CREATE TRIGGER draws_frozen BEFORE UPDATE OR DELETE ON draws
  FOR EACH ROW EXECUTE FUNCTION firebreak_frozen_after_publish();
--> statement-breakpoint
CREATE TRIGGER reward_rules_frozen BEFORE UPDATE OR DELETE ON reward_rules
  FOR EACH ROW EXECUTE FUNCTION firebreak_frozen_after_publish();
--> statement-breakpoint

-- Check items belong to their standard's version: no insert, edit or delete once it is published.
CREATE FUNCTION firebreak_check_item_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  published_count int;
BEGIN
  EXECUTE format('SELECT count(*) FROM %I.standards WHERE published AND id = ANY($1)', TG_TABLE_SCHEMA)
    INTO published_count
    USING ARRAY[
      CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN OLD.standard_id END,
      CASE WHEN TG_OP IN ('INSERT', 'UPDATE') THEN NEW.standard_id END
    ];
  IF published_count > 0 THEN
    RAISE EXCEPTION USING
      ERRCODE = 'FBF01',
      MESSAGE = format('check item belongs to a published standard: %s refused (标准已发布，检查项不可修改)', TG_OP);
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER check_items_frozen BEFORE INSERT OR UPDATE OR DELETE ON check_items
  FOR EACH ROW EXECUTE FUNCTION firebreak_check_item_frozen();
