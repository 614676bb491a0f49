-- Each clinic's audit log as 16 hash chains instead of one: a record is on the chain of its patient's bucket
-- (audit_chain_of: the first byte of the SHA-256 of the patient's id, modulo 16), a record without a patient on
-- chain 0. Why: the chain trigger holds its chain's advisory lock until the transaction commits, so with one chain
-- per clinic every check-off of a clinic committed one at a time and one slow WAL flush queued all of them
-- (bench/README.md, "The open loop's stalls": pgbench at the open loop's rate p99 24.3 ms on one chain, 4.2 ms on
-- 16, 5.4 ms without the audit record). On 16 chains a clinic's writers wait only for those of the same bucket.
--
-- What stays as it was: a record's hash (audit_event_hash, the same fields; the chain is not stored but derived
-- from the id and patient the hash covers, so moving a record to another chain changes its hash); each chain
-- follows the ids and never forks (its own lock, the id and time taken under it); one patient's records are on one
-- chain, in order; the runtime role can neither read nor write the heads; retention anchors each chain on its own
-- last dropped record and records the drop in the clinic's chain 0; verification walks every chain.
--
-- The cut-over rewrites nothing: the records written before it stay on the clinic's one chain, which continues as
-- chain 0 (its head becomes chain 0's). audit_chain_split holds the first id chained by patient: a record with a
-- lower id is on chain 0 whatever its patient. The number of chains is part of the definition: changing it needs
-- another cut-over like this one.

-- no record may be written while the heads are re-keyed and the cut-over id is taken (V18 did the same)
LOCK TABLE audit_event IN EXCLUSIVE MODE;

-- A patient's chain within a clinic; 0 for a record without a patient. The patient's id through SHA-256, not
-- PostgreSQL's internal hashtext, so that the bucket is defined outside PostgreSQL's version and reproducible
-- by anyone who checks the log with the published definition.
CREATE FUNCTION audit_chain_of(patient_id uuid) RETURNS smallint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN patient_id IS NULL THEN 0 ELSE get_byte(sha256(uuid_send(patient_id)), 0) % 16 END::smallint
$$;

-- The cut-over: the first id chained by patient. Written once here, append-only, readable by the runtime role.
CREATE TABLE audit_chain_split (
    first_id bigint      NOT NULL,
    split_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE TRIGGER audit_chain_split_no_update BEFORE UPDATE OR DELETE ON audit_chain_split
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_chain_split_no_truncate BEFORE TRUNCATE ON audit_chain_split
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
-- every later id is above both: the sequence only grows, and no record is written until this commits
INSERT INTO audit_chain_split (first_id)
SELECT greatest(nextval('audit_event_id_seq'), (SELECT coalesce(max(id), 0) FROM audit_event)) + 1;

-- The chain a stored record is on: the one definition, used by the verification and the retention, given the
-- cut-over's first_id (joined once by the caller: a look-up inside the function would stop PostgreSQL from inlining
-- it, and the verification of a million records would take 11 s for it instead of 2.7).
CREATE FUNCTION audit_record_chain(id bigint, patient_id uuid, split_from bigint) RETURNS smallint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN id < split_from THEN 0::smallint ELSE audit_chain_of(patient_id) END
$$;
-- the same with the cut-over looked up, for a check by hand or a test
CREATE FUNCTION audit_record_chain(id bigint, patient_id uuid) RETURNS smallint LANGUAGE sql STABLE AS $$
    SELECT audit_record_chain(id, patient_id, (SELECT first_id FROM audit_chain_split))
$$;

-- The heads: one row per clinic and chain; the existing head of each clinic is its chain 0's.
ALTER TABLE audit_chain_head ADD COLUMN chain smallint NOT NULL DEFAULT 0;
ALTER TABLE audit_chain_head ALTER COLUMN chain DROP DEFAULT;
ALTER TABLE audit_chain_head DROP CONSTRAINT audit_chain_head_pkey, ADD PRIMARY KEY (clinic_key, chain);

-- The anchors: one chain's last dropped record each; those written so far were of the clinic's one chain, chain 0.
-- (A column with a constant default is added without rewriting the table or firing its append-only trigger.)
ALTER TABLE audit_anchor ADD COLUMN chain smallint NOT NULL DEFAULT 0;
ALTER TABLE audit_anchor ALTER COLUMN chain DROP DEFAULT;
DROP INDEX audit_anchor_clinic;
CREATE INDEX audit_anchor_clinic_chain ON audit_anchor (clinic_id, chain, last_id DESC);

-- V18's chain trigger with the chain's lock and head in place of the clinic's; everything else as it was
CREATE OR REPLACE FUNCTION audit_event_chain() RETURNS trigger LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    routed_month timestamptz := date_trunc('month', NEW.at, 'UTC');
    head_key text := coalesce(NEW.clinic_id, '');
    on_chain smallint := audit_chain_of(NEW.patient_id);
BEGIN
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'audit_event is written under READ COMMITTED only, not %',
            current_setting('transaction_isolation');
    END IF;
    PERFORM pg_advisory_xact_lock(hashtextextended('audit_event ' || head_key, on_chain));
    NEW.id := nextval(pg_get_serial_sequence('audit_event', 'id'));
    NEW.at := clock_timestamp();
    IF date_trunc('month', NEW.at, 'UTC') <> routed_month THEN
        NEW.at := greatest(routed_month, least(NEW.at,
            (routed_month AT TIME ZONE 'UTC' + interval '1 month') AT TIME ZONE 'UTC' - interval '1 microsecond'));
    END IF;
    SELECT last_hash INTO NEW.prev_hash FROM audit_chain_head WHERE clinic_key = head_key AND chain = on_chain;
    NEW.hash := audit_event_hash(NEW);
    INSERT INTO audit_chain_head (clinic_key, chain, last_id, last_hash) VALUES (head_key, on_chain, NEW.id, NEW.hash)
    ON CONFLICT (clinic_key, chain) DO UPDATE SET last_id = excluded.last_id, last_hash = excluded.last_hash;
    RETURN NEW;
END;
$$;
REVOKE ALL ON FUNCTION audit_event_chain() FROM PUBLIC;

-- V17's retention with an anchor and a drop record per chain: each chain's first kept record names its own
-- chain's last dropped one. The drop records have no patient, so they are on the clinic's chain 0; the target
-- names the chain whose records were dropped.
CREATE OR REPLACE FUNCTION audit_partitions_drop_expired(retention_months integer) RETURNS bigint LANGUAGE plpgsql
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
        FOR clinic IN EXECUTE format('SELECT DISTINCT ON (clinic_id, chain) clinic_id, chain, id, at, hash,'
                ' count(*) OVER (PARTITION BY clinic_id, chain) AS records'
                ' FROM (SELECT e.*, audit_record_chain(e.id, e.patient_id, s.first_id) AS chain'
                ' FROM %I e CROSS JOIN audit_chain_split s) r'
                ' ORDER BY clinic_id, chain, id DESC', part.name)
        LOOP
            INSERT INTO audit_anchor (clinic_id, chain, last_id, last_at, last_hash, dropped_before)
            VALUES (clinic.clinic_id, clinic.chain, clinic.id, clinic.at, clinic.hash, part.month + interval '1 month');
            INSERT INTO audit_event (clinic_id, actor, action, outcome, status, target)
            VALUES (clinic.clinic_id, 'spinewise', 'audit.retention.drop', 'SUCCESS', 200,
                    format('%s records before %s dropped (retention %s months); last dropped record %s, hash %s,'
                           ' chain %s', clinic.records, to_char(part.month + interval '1 month', 'YYYY-MM-DD'),
                           retention_months, clinic.id, clinic.hash, clinic.chain));
            dropped := dropped + clinic.records;
        END LOOP;
        EXECUTE format('DROP TABLE %I', part.name);
    END LOOP;
    RETURN dropped;
END;
$$;
REVOKE ALL ON FUNCTION audit_partitions_drop_expired(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_partitions_drop_expired(integer) TO "${runtime_role}";

GRANT SELECT ON audit_chain_split TO "${runtime_role}";
