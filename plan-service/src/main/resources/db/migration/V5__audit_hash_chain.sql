-- Tamper evidence for the audit log. Each record carries the hash of its clinic's previous record
-- (prev_hash, null for a clinic's first) and its own hash over its fields and prev_hash. Whoever gets
-- past the append-only trigger (the schema owner, a superuser) and changes or deletes a record breaks
-- the chain at that record or at the next one; GET /api/audit/verification finds the first break.
-- (Rewriting a whole chain's tail is not detected by the chain alone: compare the last hash the
-- verification shows with one noted earlier.)
ALTER TABLE audit_event ADD COLUMN prev_hash text, ADD COLUMN hash text;

-- The one definition of a record's hash, used by the insert trigger and by the verification: SHA-256
-- over a JSON array of the fields in a fixed order (JSON escapes every string, so no two records
-- encode alike), the time as UTC microseconds whatever the session's time zone.
CREATE FUNCTION audit_event_hash(e audit_event) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT encode(sha256(convert_to(json_build_array(
        e.id, to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), e.clinic_id, e.actor,
        e.actor_name, e.actor_role, e.patient_id, e.action, e.outcome, e.status, e.target, e.prev_hash)::text,
        'UTF8')), 'hex')
$$;

-- Links every new record to its clinic's last one. Writers of one clinic take turns (a transaction-long
-- advisory lock), and the id and time are taken under that lock, so the chain follows the ids and never
-- forks. The previous record is read with a fresh snapshot, which READ COMMITTED gives each statement
-- of this function; a transaction under another isolation level could miss a record committed while
-- it waited, so it is refused.
CREATE FUNCTION audit_event_chain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'audit_event is written under READ COMMITTED only, not %',
            current_setting('transaction_isolation');
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('audit_event ' || coalesce(NEW.clinic_id, '')));
    NEW.id := nextval(pg_get_serial_sequence('audit_event', 'id'));
    NEW.at := clock_timestamp();
    IF NEW.clinic_id IS NULL THEN
        SELECT hash INTO NEW.prev_hash FROM audit_event WHERE clinic_id IS NULL ORDER BY id DESC LIMIT 1;
    ELSE
        SELECT hash INTO NEW.prev_hash FROM audit_event WHERE clinic_id = NEW.clinic_id ORDER BY id DESC LIMIT 1;
    END IF;
    NEW.hash := audit_event_hash(NEW);
    RETURN NEW;
END;
$$;

-- the chain of the records written so far, each clinic's in the order of ids
ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update;
DO $$
DECLARE
    r audit_event;
    previous_clinic text;
    previous_hash text;
    first boolean := true;
BEGIN
    FOR r IN SELECT * FROM audit_event ORDER BY clinic_id NULLS FIRST, id LOOP
        IF first OR r.clinic_id IS DISTINCT FROM previous_clinic THEN
            previous_hash := NULL;
        END IF;
        r.prev_hash := previous_hash;
        r.hash := audit_event_hash(r);
        UPDATE audit_event SET prev_hash = r.prev_hash, hash = r.hash WHERE id = r.id;
        previous_clinic := r.clinic_id;
        previous_hash := r.hash;
        first := false;
    END LOOP;
END;
$$;
ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update;
ALTER TABLE audit_event ALTER COLUMN hash SET NOT NULL;

CREATE TRIGGER audit_event_chain BEFORE INSERT ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_chain();

-- the trigger's look-up of a clinic's last record, and the verification's walk
CREATE INDEX audit_event_clinic_id ON audit_event (clinic_id, id);
