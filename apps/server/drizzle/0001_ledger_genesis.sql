-- The ledger head starts empty: size 0, chain hash of the genesis (64 zeros). See src/db/schema/ledger.ts.
INSERT INTO "ledger_head" ("id", "size", "chain_hash", "updated_at")
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', now())
ON CONFLICT ("id") DO NOTHING;
--> statement-breakpoint
-- The event log is append-only. This stops mistakes and ordinary accounts; a superuser can still disable it,
-- which is why the log is also hash-linked and verified (docs/adr/0002-event-ledger.md).
CREATE FUNCTION "events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the event log is append-only (% on events refused)', TG_OP;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "events_no_update_delete" BEFORE UPDATE OR DELETE ON "events"
FOR EACH ROW EXECUTE FUNCTION "events_append_only"();
--> statement-breakpoint
CREATE TRIGGER "events_no_truncate" BEFORE TRUNCATE ON "events"
FOR EACH STATEMENT EXECUTE FUNCTION "events_append_only"();
