-- The service runs as its own runtime role (quarkus.datasource.username, passed in as the placeholder
-- runtime_role), not as the owner that runs these migrations (quarkus.flyway.username). It owns nothing
-- and gets only what the service uses: exercises and routines are archived, never deleted, but a
-- routine's items are replaced when it is updated (so DELETE there); the change log is INSERT and
-- SELECT only. A later migration that adds a table grants on it the same way; the service's tests run
-- as the runtime role, so a missing grant fails them.
GRANT SELECT, INSERT, UPDATE ON exercise, routine TO "${runtime_role}";
GRANT SELECT, INSERT, UPDATE, DELETE ON routine_item TO "${runtime_role}";
GRANT SELECT, INSERT ON audit_event TO "${runtime_role}";
GRANT USAGE ON SEQUENCE audit_event_id_seq TO "${runtime_role}";
