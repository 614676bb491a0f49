-- Every library read is "the shipped library plus the caller's clinic":
-- (clinic_id IS NULL OR clinic_id = ?). The unique indexes are on coalesce(clinic_id, ''), which
-- that condition cannot use, so each list read every clinic's exercises (twice, page and count).
-- A plain index on the owner answers both halves (IS NULL and =) as one bitmap OR; the name
-- after it lets a single clinic's rows come back in list order. Figures: bench/README.md.
CREATE INDEX exercise_owner_name ON exercise (clinic_id, name);
CREATE INDEX routine_owner_name ON routine (clinic_id, name);
