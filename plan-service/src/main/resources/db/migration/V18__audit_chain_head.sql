-- Each clinic's chain head: the id and hash of its last audit record, one row per clinic. The chain trigger
-- read the previous hash with "clinic_id = ? ORDER BY id DESC LIMIT 1", which on the partitioned table (V17)
-- visits an index of every month kept: the cost of each check-off grew with the months of history. The head
-- is one primary-key row, read and replaced under the clinic's advisory lock the trigger already holds, in
-- the same statement as the insert (a failed insert leaves the head as it was).
--
-- The trigger function now runs as the schema owner (SECURITY DEFINER, fixed search_path), so the runtime
-- role has no right on the head at all: it cannot point the next record at a hash of its choosing.

-- no record may be written while the heads are taken from the records (an older replica still running
-- during a rolling upgrade would otherwise link a record the heads miss)
LOCK TABLE audit_event IN EXCLUSIVE MODE;

CREATE TABLE audit_chain_head (
    -- the clinic, '' for records without one (the advisory lock's key uses the same)
    clinic_key text PRIMARY KEY,
    last_id    bigint NOT NULL,
    last_hash  text   NOT NULL
);

INSERT INTO audit_chain_head (clinic_key, last_id, last_hash)
SELECT DISTINCT ON (coalesce(clinic_id, '')) coalesce(clinic_id, ''), id, hash
FROM audit_event
ORDER BY coalesce(clinic_id, ''), id DESC;

-- V17's chain trigger with the head in place of the look-up; everything else as it was
CREATE OR REPLACE FUNCTION audit_event_chain() RETURNS trigger LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    routed_month timestamptz := date_trunc('month', NEW.at, 'UTC');
    head_key text := coalesce(NEW.clinic_id, '');
BEGIN
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'audit_event is written under READ COMMITTED only, not %',
            current_setting('transaction_isolation');
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('audit_event ' || head_key));
    NEW.id := nextval(pg_get_serial_sequence('audit_event', 'id'));
    NEW.at := clock_timestamp();
    IF date_trunc('month', NEW.at, 'UTC') <> routed_month THEN
        NEW.at := greatest(routed_month, least(NEW.at,
            (routed_month AT TIME ZONE 'UTC' + interval '1 month') AT TIME ZONE 'UTC' - interval '1 microsecond'));
    END IF;
    SELECT last_hash INTO NEW.prev_hash FROM audit_chain_head WHERE clinic_key = head_key;
    NEW.hash := audit_event_hash(NEW);
    INSERT INTO audit_chain_head (clinic_key, last_id, last_hash) VALUES (head_key, NEW.id, NEW.hash)
    ON CONFLICT (clinic_key) DO UPDATE SET last_id = excluded.last_id, last_hash = excluded.last_hash;
    RETURN NEW;
END;
$$;
REVOKE ALL ON FUNCTION audit_event_chain() FROM PUBLIC;
