-- The service runs as its own runtime role (quarkus.datasource.username, passed in as the placeholder
-- runtime_role), not as the owner that runs these migrations (quarkus.flyway.username). The runtime role
-- gets only what the service uses: it owns nothing, so it can neither alter a table nor disable a
-- trigger, and it cannot create objects. Nothing in plan-service deletes a row (an undone check-off is
-- marked, a plan is completed), so no DELETE either. audit_event is INSERT and SELECT only: with the
-- append-only trigger, no record can be changed or removed through the service's connections.
-- A later migration that adds a table grants on it here the same way; the service's tests run as the
-- runtime role, so a missing grant fails them.
GRANT SELECT, INSERT, UPDATE ON patient, plan, plan_version, plan_pause, session_checkoff, clinic_settings
    TO "${runtime_role}";
GRANT SELECT, INSERT ON audit_event TO "${runtime_role}";
GRANT USAGE ON SEQUENCE audit_event_id_seq TO "${runtime_role}";
