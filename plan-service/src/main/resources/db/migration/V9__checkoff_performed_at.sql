-- Offline check-off: when the patient did the session (performed_at, sent by the phone that kept it while
-- offline) beside when the service received it. The received time is the existing created_at (server time,
-- set by the check-off's statement), so it is not duplicated. Rows from before this migration were sent
-- as they were done: their performed time is their received time.
-- The runtime role's table-level grants on session_checkoff (V4) cover the new column.
ALTER TABLE session_checkoff ADD COLUMN performed_at timestamptz;
UPDATE session_checkoff SET performed_at = created_at;
ALTER TABLE session_checkoff ALTER COLUMN performed_at SET NOT NULL;
