-- The prescriber's display name at prescription (for the chiropractor filter of the adherence report).
ALTER TABLE plan ADD COLUMN created_by_name varchar(255);
