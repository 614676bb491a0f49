-- The language a patient reads their pages in (web-ui's Today, Progress...), chosen by the patient.
-- Empty until they choose: web-ui then follows the browser's Accept-Language, else English.
-- The runtime role's table-level grants on patient (V4) cover the new column.
ALTER TABLE patient ADD COLUMN language text CHECK (language IN ('en', 'de', 'fr', 'es'));
