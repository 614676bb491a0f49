-- Running totals in the adherence rollup (docs/architecture.md, "Adherence rollup"; bench/README.md, "Running totals"):
-- each kept day also carries its patient's totals over every kept day up to and including it, so a dashboard page
-- takes a window's figures as the difference of two rows (the last kept day at or before each end of the window)
-- instead of reading and adding up every day of the window (about 70 rows per patient before this).
--
--   cum_scheduled, cum_completed  sessions scheduled and completed on the patient's kept days <= day
--   last_miss                     the last kept day <= day with completed < scheduled (null: none)
--   streak                        kept days after last_miss up to day (all fully completed by definition)
--
-- They are sums over the rows before, so they stay exact under the same rule as the rows themselves: the triggers
-- of V16/V20 move settled_through back before the first day a write may change, the settling job (AdherenceRollup)
-- deletes every row after settled_through and builds the days from there on, continuing the totals of the last row
-- it kept, in the transaction that moves settled_through. Nothing else changes: same triggers, same locks.
--
-- The table is rebuilt rather than updated in place (an UPDATE of every row would leave a dead copy of each);
-- only rows up to settled_through are kept (later ones are stale by V16's rule and the job would drop them).
-- The key covers the totals, so a lookup is an index-only scan of one entry; the per-day figures stay in the heap
-- for the settling job's checks and the tests.
CREATE TABLE adherence_day_totals (
    patient_id    uuid    NOT NULL REFERENCES adherence_rollup (patient_id),
    day           date    NOT NULL,
    scheduled     integer NOT NULL,
    completed     integer NOT NULL,
    cum_scheduled bigint  NOT NULL,
    cum_completed bigint  NOT NULL,
    last_miss     date,
    streak        integer NOT NULL
);

INSERT INTO adherence_day_totals
SELECT k.patient_id, k.day, k.scheduled, k.completed,
       sum(k.scheduled) OVER w, sum(k.completed) OVER w,
       max(k.day) FILTER (WHERE k.completed < k.scheduled) OVER w,
       count(*) FILTER (WHERE NOT k.missed) OVER (PARTITION BY k.patient_id, k.misses ORDER BY k.day)
FROM (
    SELECT d.patient_id, d.day, d.scheduled, d.completed, d.completed < d.scheduled AS missed,
           count(*) FILTER (WHERE d.completed < d.scheduled)
               OVER (PARTITION BY d.patient_id ORDER BY d.day) AS misses
    FROM adherence_day d JOIN adherence_rollup r ON r.patient_id = d.patient_id AND d.day <= r.settled_through
) k
WINDOW w AS (PARTITION BY k.patient_id ORDER BY k.day)
ORDER BY k.patient_id, k.day;

DROP TABLE adherence_day;
ALTER TABLE adherence_day_totals RENAME TO adherence_day;
ALTER TABLE adherence_day RENAME CONSTRAINT adherence_day_totals_patient_id_fkey TO adherence_day_patient_id_fkey;
ALTER TABLE adherence_day ADD CONSTRAINT adherence_day_pkey PRIMARY KEY (patient_id, day)
    INCLUDE (cum_scheduled, cum_completed, last_miss, streak);

-- as V16: the service reads the rows, adds the days it settles and deletes the stale ones; it never updates a row
GRANT SELECT, INSERT, DELETE ON adherence_day TO "${runtime_role}";
