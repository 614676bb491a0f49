-- The audit log partitioned by month of `at` (UTC), so that the retention drops whole months instead of
-- deleting rows from an append-only table, and each month's indexes stay the size of a month.
-- The rows move unchanged: the same columns, ids, times, prev_hash and hash; audit_event_hash is the same
-- definition over the same fields, so every record's hash still checks (AuditPartitionMigrationTest).
-- Partitions are named audit_event_YYYY_MM and hold [first of the month, first of the next) in UTC;
-- audit_event_default takes a record for which no month's partition exists yet, so a write never fails;
-- audit_partitions_ensure moves such records into their month's partition when it creates it.

ALTER SEQUENCE audit_event_id_seq OWNED BY NONE;
ALTER TABLE audit_event RENAME TO audit_event_v16;
ALTER INDEX audit_event_pkey RENAME TO audit_event_v16_pkey;
ALTER INDEX audit_event_clinic_at RENAME TO audit_event_v16_clinic_at;
ALTER INDEX audit_event_clinic_patient_at RENAME TO audit_event_v16_clinic_patient_at;
ALTER INDEX audit_event_clinic_id RENAME TO audit_event_v16_clinic_id;

CREATE TABLE audit_event (
    id         bigint       NOT NULL DEFAULT nextval('audit_event_id_seq'),
    at         timestamptz  NOT NULL DEFAULT clock_timestamp(),
    clinic_id  varchar(64),
    actor      varchar(64)  NOT NULL,
    actor_role varchar(32),
    patient_id uuid,
    action     varchar(64)  NOT NULL,
    outcome    varchar(16)  NOT NULL,
    status     integer      NOT NULL,
    target     varchar(300),
    actor_name varchar(255),
    prev_hash  text,
    hash       text         NOT NULL,
    -- a partitioned table's unique keys include its partition key; ids stay unique by their sequence
    PRIMARY KEY (id, at)
) PARTITION BY RANGE (at);
ALTER SEQUENCE audit_event_id_seq OWNED BY audit_event.id;

CREATE TABLE audit_event_default PARTITION OF audit_event DEFAULT;

-- the same definition as V5's, for the new table's row type (the old one goes with the old table)
DROP FUNCTION audit_event_hash(audit_event_v16);
CREATE FUNCTION audit_event_hash(e audit_event) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT encode(sha256(convert_to(json_build_array(
        e.id, to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), e.clinic_id, e.actor,
        e.actor_name, e.actor_role, e.patient_id, e.action, e.outcome, e.status, e.target, e.prev_hash)::text,
        'UTF8')), 'hex')
$$;

-- Where each clinic's kept chain starts after the retention dropped its older records: the last dropped
-- record's id, time and hash, which the first kept record's prev_hash names. Written only by
-- audit_partitions_drop_expired (as the schema owner), read by the verification. The same anchor is in
-- the chain itself, in the target of the clinic's audit.retention.drop record.
CREATE TABLE audit_anchor (
    clinic_id      varchar(64),
    last_id        bigint      NOT NULL,
    last_at        timestamptz NOT NULL,
    last_hash      text        NOT NULL,
    dropped_before timestamptz NOT NULL,
    dropped_at     timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX audit_anchor_clinic ON audit_anchor (clinic_id, last_id DESC);
CREATE TRIGGER audit_anchor_no_update BEFORE UPDATE OR DELETE ON audit_anchor
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_anchor_no_truncate BEFORE TRUNCATE ON audit_anchor
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();

-- The month's partition, created if missing, with what audit_event_default holds of that month moved
-- into it unchanged (detached, no trigger fires: the rows keep their ids, times and hashes).
-- TRUNCATE triggers are not inherited, so each partition gets its own.
CREATE FUNCTION audit_partition_create(month date) RETURNS boolean LANGUAGE plpgsql
    SET search_path = public, pg_temp SET timezone = 'UTC' AS $$
DECLARE
    first timestamptz := date_trunc('month', month)::timestamptz;
    next timestamptz := (date_trunc('month', month) + interval '1 month')::timestamptz;
    name text := format('audit_event_%s', to_char(month, 'YYYY_MM'));
BEGIN
    IF to_regclass(name) IS NOT NULL THEN
        RETURN false;
    END IF;
    IF EXISTS (SELECT 1 FROM audit_event_default WHERE at >= first AND at < next) THEN
        ALTER TABLE audit_event DETACH PARTITION audit_event_default;
        EXECUTE format('CREATE TABLE %I (LIKE audit_event INCLUDING DEFAULTS)', name);
        EXECUTE format('INSERT INTO %I SELECT * FROM audit_event_default WHERE at >= $1 AND at < $2', name)
            USING first, next;
        DELETE FROM audit_event_default WHERE at >= first AND at < next;
        EXECUTE format('ALTER TABLE audit_event ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', name, first, next);
        ALTER TABLE audit_event ATTACH PARTITION audit_event_default DEFAULT;
    ELSE
        EXECUTE format('CREATE TABLE %I PARTITION OF audit_event FOR VALUES FROM (%L) TO (%L)', name, first, next);
    END IF;
    EXECUTE format('CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON %I'
        ' FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only()', name);
    RETURN true;
END;
$$;

-- the months of the records written so far, and their rows as they are
DO $$
DECLARE
    month date;
BEGIN
    FOR month IN SELECT DISTINCT date_trunc('month', at AT TIME ZONE 'UTC')::date FROM audit_event_v16 LOOP
        PERFORM audit_partition_create(month);
    END LOOP;
END;
$$;
INSERT INTO audit_event (id, at, clinic_id, actor, actor_role, patient_id, action, outcome, status, target,
                         actor_name, prev_hash, hash)
SELECT id, at, clinic_id, actor, actor_role, patient_id, action, outcome, status, target, actor_name,
       prev_hash, hash
FROM audit_event_v16;
DROP TABLE audit_event_v16;

-- V1's and V5's indexes, on every partition
CREATE INDEX audit_event_clinic_at ON audit_event (clinic_id, at DESC);
CREATE INDEX audit_event_clinic_patient_at ON audit_event (clinic_id, patient_id, at DESC);
CREATE INDEX audit_event_clinic_id ON audit_event (clinic_id, id);

-- V5's chain trigger with one change: the row was routed to its month's partition by the time the insert
-- gave it (the column default), before this trigger took the clinic's lock and the time again; a record
-- whose wait crossed the end of a month keeps the last microsecond of the month it was routed to, as
-- PostgreSQL refuses to move a row to another partition in a BEFORE trigger. Times stay in the order of ids.
CREATE OR REPLACE FUNCTION audit_event_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    routed_month timestamptz := date_trunc('month', NEW.at, 'UTC');
BEGIN
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'audit_event is written under READ COMMITTED only, not %',
            current_setting('transaction_isolation');
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('audit_event ' || coalesce(NEW.clinic_id, '')));
    NEW.id := nextval(pg_get_serial_sequence('audit_event', 'id'));
    NEW.at := clock_timestamp();
    IF date_trunc('month', NEW.at, 'UTC') <> routed_month THEN
        NEW.at := greatest(routed_month, least(NEW.at,
            (routed_month AT TIME ZONE 'UTC' + interval '1 month') AT TIME ZONE 'UTC' - interval '1 microsecond'));
    END IF;
    IF NEW.clinic_id IS NULL THEN
        SELECT hash INTO NEW.prev_hash FROM audit_event WHERE clinic_id IS NULL ORDER BY id DESC LIMIT 1;
    ELSE
        SELECT hash INTO NEW.prev_hash FROM audit_event WHERE clinic_id = NEW.clinic_id ORDER BY id DESC LIMIT 1;
    END IF;
    NEW.hash := audit_event_hash(NEW);
    RETURN NEW;
END;
$$;

-- V1's and V5's triggers: row triggers are cloned onto every partition, present and future
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_event_chain BEFORE INSERT ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_chain();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event_default
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();

-- The scheduled job's two steps (AuditPartitionJob). They run as the schema owner (SECURITY DEFINER, a fixed
-- search_path: pg_catalog first, as always when not named, then this schema, the temporary one last) so that the runtime role needs no DDL right: it may call them, and nothing else. One replica
-- at a time (a transaction-long advisory lock).

-- This month's partition and the next months_ahead ones (and those of any month audit_event_default
-- holds); how many were created.
CREATE FUNCTION audit_partitions_ensure(months_ahead integer) RETURNS integer LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp SET timezone = 'UTC' AS $$
DECLARE
    month date;
    created integer := 0;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('audit_event partitions'));
    FOR month IN
        SELECT generate_series(date_trunc('month', now()), date_trunc('month', now())
            + make_interval(months => least(greatest(months_ahead, 0), 24)), interval '1 month')::date
        UNION
        SELECT DISTINCT date_trunc('month', at)::date FROM audit_event_default
        ORDER BY 1
    LOOP
        IF audit_partition_create(month) THEN
            created := created + 1;
        END IF;
    END LOOP;
    RETURN created;
END;
$$;

-- Drops the month partitions that end before the first of this month minus retention_months (UTC); none
-- when retention_months is 0 (keep forever). Fewer than 12 months is refused: a compromised service could
-- otherwise erase recent records. Each clinic with dropped records gets its chain's anchor
-- (audit_anchor) and an audit.retention.drop record naming how many of its records, before when, and the
-- hash of its last dropped record. Returns the rows dropped.
CREATE FUNCTION audit_partitions_drop_expired(retention_months integer) RETURNS bigint LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = public, pg_temp SET timezone = 'UTC' AS $$
DECLARE
    cutoff timestamptz;
    part record;
    clinic record;
    dropped bigint := 0;
BEGIN
    IF retention_months IS NULL OR retention_months = 0 THEN
        RETURN 0;
    END IF;
    IF retention_months < 12 THEN
        RAISE EXCEPTION 'audit retention of % months refused: at least 12', retention_months
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('audit_event partitions'));
    cutoff := date_trunc('month', now()) - make_interval(months => retention_months);
    FOR part IN
        SELECT c.relname AS name, to_date(substr(c.relname, 13), 'YYYY_MM') AS month
        FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'audit_event'::regclass AND c.relname ~ '^audit_event_[0-9]{4}_[0-9]{2}$'
          AND to_date(substr(c.relname, 13), 'YYYY_MM') + interval '1 month' <= cutoff
        ORDER BY 2
    LOOP
        FOR clinic IN EXECUTE format('SELECT DISTINCT ON (clinic_id) clinic_id, id, at, hash,'
                ' count(*) OVER (PARTITION BY clinic_id) AS records FROM %I ORDER BY clinic_id, id DESC', part.name)
        LOOP
            INSERT INTO audit_anchor (clinic_id, last_id, last_at, last_hash, dropped_before)
            VALUES (clinic.clinic_id, clinic.id, clinic.at, clinic.hash, part.month + interval '1 month');
            INSERT INTO audit_event (clinic_id, actor, action, outcome, status, target)
            VALUES (clinic.clinic_id, 'spinewise', 'audit.retention.drop', 'SUCCESS', 200,
                    format('%s records before %s dropped (retention %s months); last dropped record %s, hash %s',
                           clinic.records, to_char(part.month + interval '1 month', 'YYYY-MM-DD'), retention_months,
                           clinic.id, clinic.hash));
            dropped := dropped + clinic.records;
        END LOOP;
        EXECUTE format('DROP TABLE %I', part.name);
    END LOOP;
    RETURN dropped;
END;
$$;

REVOKE ALL ON FUNCTION audit_partition_create(date) FROM PUBLIC;
REVOKE ALL ON FUNCTION audit_partitions_ensure(integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION audit_partitions_drop_expired(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_partitions_ensure(integer) TO "${runtime_role}";
GRANT EXECUTE ON FUNCTION audit_partitions_drop_expired(integer) TO "${runtime_role}";

-- V4's grants on the new table, INSERT now only of the columns a writer gives: the id, the time and the
-- hashes are the chain trigger's (a given time would choose an older month's partition)
GRANT SELECT ON audit_event, audit_anchor TO "${runtime_role}";
GRANT INSERT (clinic_id, actor, actor_name, actor_role, patient_id, action, outcome, status, target)
    ON audit_event TO "${runtime_role}";

SELECT audit_partitions_ensure(3);
