-- Who changed the clinic's library: every create, update and archive of an exercise or routine
-- template, written in the change's own transaction (a change without its record is never committed).
-- Append-only like plan-service's audit log: the trigger refuses every UPDATE, DELETE and TRUNCATE, and
-- the runtime role may only INSERT and SELECT (V5).
CREATE TABLE audit_event (
    id         bigserial PRIMARY KEY,
    at         timestamptz  NOT NULL DEFAULT clock_timestamp(),
    clinic_id  varchar(64)  NOT NULL,
    actor      varchar(64)  NOT NULL,
    actor_name varchar(255),
    actor_role varchar(32),
    action     varchar(64)  NOT NULL,
    target     varchar(300) NOT NULL
);

CREATE INDEX audit_event_clinic_at ON audit_event (clinic_id, at DESC);

CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
