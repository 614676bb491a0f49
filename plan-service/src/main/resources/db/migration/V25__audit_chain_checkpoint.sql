-- Chain 0 of each clinic's audit log names the heads of its other 15 chains, once an interval, so that one value
-- again covers the whole log. Since V23 a clinic's log is 16 chains; a rewritten tail of one chain (its records
-- changed and re-hashed after some point, its head moved along) is only seen by someone who noted that chain's
-- last hash before. With a checkpoint record on chain 0 whose hashed target is the digest of the other chains'
-- heads, noting chain 0's last hash covers every chain up to the latest checkpoint: a chain rewritten before it no
-- longer gives the digest the checkpoint names, and rewriting the checkpoint moves chain 0's hash.
--
-- The digest: SHA-256 (hex) of "chain:last_hash" for each of chains 1-15 that holds or held records, in chain order,
-- joined by ";" (a chain's head is its last record with a lower id than the checkpoint's, or the last one the
-- retention dropped). The verification recomputes it for every checkpoint record (AuditEvents.verify).

-- What each clinic's last checkpoint covered (the heads' ids), so that an idle clinic gets no new record. The
-- schema owner's alone, as the heads are: the runtime role reaches it only through the functions below.
CREATE TABLE audit_checkpoint_last (
    clinic_key text     PRIMARY KEY,
    last_ids   bigint[] NOT NULL
);

-- The clinics whose chains 1-15 moved since their last checkpoint.
CREATE FUNCTION audit_checkpoint_due() RETURNS SETOF text LANGUAGE sql STABLE
    SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT h.clinic_key FROM audit_chain_head h
    WHERE h.chain > 0 AND h.clinic_key <> ''
    GROUP BY h.clinic_key
    HAVING array_agg(h.last_id ORDER BY h.chain)
           IS DISTINCT FROM (SELECT l.last_ids FROM audit_checkpoint_last l WHERE l.clinic_key = h.clinic_key)
    ORDER BY h.clinic_key
$$;

-- Writes one clinic's checkpoint record, if its chains 1-15 moved since the last one; true when it wrote one.
CREATE FUNCTION audit_checkpoint_write(clinic text) RETURNS boolean LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    ids bigint[];
    digest text;
    chains integer;
BEGIN
    IF clinic IS NULL OR clinic = '' THEN
        RETURN false;
    END IF;
    -- Every chain of the clinic, in chain order: a writer holds one chain's lock at a time (each change writes one
    -- audit record), so this cannot deadlock with writers. While all 16 are held no record of the clinic is being
    -- written: the heads read below are exactly the last records, per chain, with a lower id than the checkpoint's
    -- (ids are taken under the chain's lock). The insert's trigger takes chain 0's lock again (held already).
    FOR k IN 0..15 LOOP
        PERFORM pg_advisory_xact_lock(hashtextextended('audit_event ' || clinic, k));
    END LOOP;
    SELECT array_agg(last_id ORDER BY chain),
           encode(sha256(convert_to(string_agg(chain || ':' || last_hash, ';' ORDER BY chain), 'UTF8')), 'hex'),
           count(*)
    INTO ids, digest, chains
    FROM audit_chain_head WHERE clinic_key = clinic AND chain > 0;
    IF chains = 0 OR ids IS NOT DISTINCT FROM (SELECT last_ids FROM audit_checkpoint_last WHERE clinic_key = clinic) THEN
        RETURN false;
    END IF;
    INSERT INTO audit_event (clinic_id, actor, action, outcome, status, target)
    VALUES (clinic, 'spinewise', 'audit.checkpoint', 'SUCCESS', 200,
            format('heads of chains 1-15: %s (%s chains)', digest, chains));
    INSERT INTO audit_checkpoint_last (clinic_key, last_ids) VALUES (clinic, ids)
    ON CONFLICT (clinic_key) DO UPDATE SET last_ids = excluded.last_ids;
    RETURN true;
END;
$$;

REVOKE ALL ON FUNCTION audit_checkpoint_due() FROM PUBLIC;
REVOKE ALL ON FUNCTION audit_checkpoint_write(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_checkpoint_due() TO "${runtime_role}";
GRANT EXECUTE ON FUNCTION audit_checkpoint_write(text) TO "${runtime_role}";
