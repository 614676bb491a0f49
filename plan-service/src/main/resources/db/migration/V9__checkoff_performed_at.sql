-- Offline check-off: when the patient did the session (performed_at, sent by the phone that kept it while
-- offline) beside when the service received it. The received time is the existing created_at (server time,
-- set by the check-off's statement), so it is not duplicated. The service writes performed_at on every
-- check-off; NULL means "performed when received": rows from before this migration, and rows written
-- by other means (the launcher's demo load, test data), are read as coalesce(performed_at, created_at).
-- Nullable, so adding it rewrites no row. The runtime role's table-level grants (V4) cover the column.
ALTER TABLE session_checkoff ADD COLUMN performed_at timestamptz;
