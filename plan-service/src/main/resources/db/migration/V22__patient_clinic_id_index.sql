-- The adherence CSV streams patient by patient in (patient id, day) order (AdherenceDays.REPORT): it reads the
-- clinic's patients in id order and each patient's days in day order, so its first row leaves at once. With only
-- the name-order index (V1's patient_clinic_name) the planner may read the patients by name and then sort the whole
-- report by id before the first row (bench/README.md, "CSV export": 1.45 s of a 5-year report's 2.6 s, 39 MB
-- sorted on disk, with 89,300 patients in the database). This index gives the id-ordered read.
CREATE INDEX patient_clinic_id ON patient (clinic_id, id);
