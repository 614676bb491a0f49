-- The check-off's share of the adherence rollup (V16), made cheap: a check-off insert is the hottest write
-- there is, and V16's statement trigger with its transition table, array building and row lock on the
-- patient's rollup row took about half of the check-off statement's database time (bench/README.md, "The
-- check-off statement's parts").
--
-- What V16's lock was for: a settling run must not read a patient's check-offs while an uncommitted insert
-- for a day it settles is under way (it would settle that day without it). The insert now takes a *shared*
-- advisory lock on the patient (memory only: no row written, no WAL), and the settling run takes the same
-- key exclusively and skips a patient it cannot get (AdherenceRollup.LOCK): an insert either committed
-- before the run read, or waits for the run and then moves settled_through back, as before. Key space: the
-- two-integer form, class 16, so it never meets the one-bigint keys of the audit chain.
-- The other writes (undo, edits, pauses, plans) keep V16's statement triggers and row locks; the settling
-- run still takes those row locks as well.
CREATE FUNCTION adherence_unsettle_checkoff_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock_shared(16, hashtext(NEW.patient_id::text));
    UPDATE adherence_rollup SET settled_through = NEW.session_date - 1
    WHERE patient_id = NEW.patient_id AND settled_through >= NEW.session_date;
    RETURN NULL;
END;
$$;

DROP TRIGGER adherence_rollup_checkoff_insert ON session_checkoff;
CREATE TRIGGER adherence_rollup_checkoff_insert AFTER INSERT ON session_checkoff
    FOR EACH ROW EXECUTE FUNCTION adherence_unsettle_checkoff_insert();
