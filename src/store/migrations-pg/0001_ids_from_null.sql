-- drizzle's SQLite builder, which the store's code uses on both databases, sends NULL for an omitted
-- autoincrement id; PostgreSQL's identity columns refuse an explicit NULL. The id is drawn from the column's
-- own sequence instead. Every table with an identity id has the trigger (test/store/schema-dialects.test.ts).
CREATE FUNCTION choucha_id_from_null() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS NULL THEN
    NEW.id := nextval(pg_get_serial_sequence(quote_ident(TG_TABLE_SCHEMA) || '.' || quote_ident(TG_TABLE_NAME), 'id'));
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER checks_id_from_null BEFORE INSERT ON checks FOR EACH ROW EXECUTE FUNCTION choucha_id_from_null();
--> statement-breakpoint
CREATE TRIGGER channels_id_from_null BEFORE INSERT ON channels FOR EACH ROW EXECUTE FUNCTION choucha_id_from_null();
--> statement-breakpoint
CREATE TRIGGER messages_id_from_null BEFORE INSERT ON messages FOR EACH ROW EXECUTE FUNCTION choucha_id_from_null();
--> statement-breakpoint
CREATE TRIGGER evidence_id_from_null BEFORE INSERT ON evidence FOR EACH ROW EXECUTE FUNCTION choucha_id_from_null();
--> statement-breakpoint
CREATE TRIGGER findings_id_from_null BEFORE INSERT ON findings FOR EACH ROW EXECUTE FUNCTION choucha_id_from_null();
--> statement-breakpoint
CREATE TRIGGER probes_id_from_null BEFORE INSERT ON probes FOR EACH ROW EXECUTE FUNCTION choucha_id_from_null();
--> statement-breakpoint
CREATE TRIGGER manual_findings_id_from_null BEFORE INSERT ON manual_findings FOR EACH ROW EXECUTE FUNCTION choucha_id_from_null();
--> statement-breakpoint
CREATE TRIGGER pages_id_from_null BEFORE INSERT ON pages FOR EACH ROW EXECUTE FUNCTION choucha_id_from_null();
--> statement-breakpoint
CREATE TRIGGER lists_id_from_null BEFORE INSERT ON lists FOR EACH ROW EXECUTE FUNCTION choucha_id_from_null();
--> statement-breakpoint
CREATE TRIGGER items_id_from_null BEFORE INSERT ON items FOR EACH ROW EXECUTE FUNCTION choucha_id_from_null();
--> statement-breakpoint
CREATE TRIGGER page_links_id_from_null BEFORE INSERT ON page_links FOR EACH ROW EXECUTE FUNCTION choucha_id_from_null();
