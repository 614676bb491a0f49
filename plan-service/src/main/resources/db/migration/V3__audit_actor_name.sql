-- The actor's display name as the access token gave it when the event was recorded (the `name`
-- claim, else `preferred_username`), so the audit page can say who without asking Keycloak and
-- keeps saying it after the user is renamed or deleted. The table is append-only: rows written
-- before this migration keep no name and are shown by their user id.
ALTER TABLE audit_event ADD COLUMN actor_name varchar(255);
