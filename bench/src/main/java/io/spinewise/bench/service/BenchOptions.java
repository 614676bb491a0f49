package io.spinewise.bench.service;

import java.util.Arrays;
import java.util.List;

/**
 * What {@code bench/run service} takes: {@code --patients N} (patients of the measured clinic,
 * default 1000; the other clinics get a tenth each), {@code --seconds S} (measured seconds per
 * concurrency level, default 10), {@code --warmup S} (default 10), {@code --concurrency 1,8,32}
 * (levels for the light calls; the exports run at 1 and 4), {@code --only name,...} (a subset:
 * check-off, today, dashboard-20, dashboard-100, catalog-list, catalog-search, csv-month, pdf,
 * csv for the service-vs-psql report comparison, and growth, which runs only when named), {@code --years Y} (the
 * measured clinic's history, default 2; the CSV comparison's long range), {@code --explain} (print the query plans of the dashboard and the CSV report
 * instead of measuring), {@code --allow-non-durable} (measure the database's ceilings even when the server reports
 * fsync or synchronous commit off; refused otherwise), {@code --diagnose} (for the check-off's open loop: the server
 * also logs statements over 20 ms, lock waits over 20 ms and times its WAL writes, and the wait events of its busy
 * processes are sampled every 5 ms; each costs a little, so figures of such a run are not the run of record),
 * {@code --no-checkpoint} (measure without the checkpoint after the load: the calls then run while the server is
 * still writing out the load's dirty buffers, as every run before 2026-11-29 21:30 did), {@code --late-checkoffs P}
 * (percent of the check-offs, the service's and pgbench's, dated 1..6 days back instead of today; default 10),
 * {@code --layout split|shared} (which cores PostgreSQL, the load generator and pgbench run on: {@link CoreLayout};
 * default split).
 */
record BenchOptions(int patients, int seconds, int warmupSeconds, List<Integer> concurrency, List<String> only,
                    int historyDays, boolean explain, boolean allowNonDurable, boolean diagnose,
                    boolean checkpointFirst, int lateCheckOffs, CoreLayout layout) {

    /** Benchmarks that load data of their own or take long: only run when named in {@code --only}. */
    private static final List<String> ON_REQUEST = List.of("growth");

    static BenchOptions parse(String[] args) {
        int patients = 1000;
        int seconds = 10;
        int warmup = 10;
        List<Integer> concurrency = List.of(1, 8, 32);
        List<String> only = List.of();
        int historyDays = ClinicData.DEFAULT_DAYS;
        boolean explain = false;
        boolean allowNonDurable = false;
        boolean diagnose = false;
        boolean checkpointFirst = true;
        int lateCheckOffs = 10;
        CoreLayout layout = CoreLayout.SPLIT;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--patients" -> patients = Integer.parseInt(value(args, ++i));
                case "--seconds" -> seconds = Integer.parseInt(value(args, ++i));
                case "--warmup" -> warmup = Integer.parseInt(value(args, ++i));
                case "--concurrency" -> concurrency = Arrays.stream(value(args, ++i).split(","))
                        .map(String::strip).map(Integer::valueOf).toList();
                case "--only" -> only = List.of(value(args, ++i).split(","));
                case "--years" -> historyDays = (int) Math.round(Double.parseDouble(value(args, ++i)) * 365.25);
                case "--explain" -> explain = true;
                case "--allow-non-durable" -> allowNonDurable = true;
                case "--diagnose" -> diagnose = true;
                case "--no-checkpoint" -> checkpointFirst = false;
                case "--late-checkoffs" -> lateCheckOffs = Integer.parseInt(value(args, ++i));
                case "--layout" -> layout = CoreLayout.parse(value(args, ++i));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; options: --patients N"
                        + " --seconds S --warmup S --concurrency 1,8,32 --only check-off,today,... --years Y --explain"
                        + " --allow-non-durable --diagnose --no-checkpoint --late-checkoffs P --layout split|shared");
            }
        }
        if (patients < 20) {
            throw new IllegalArgumentException("--patients must be at least 20 (a dashboard page of 20)");
        }
        if (historyDays < 31) {
            throw new IllegalArgumentException("--years must cover more than the 30-day export");
        }
        if (lateCheckOffs < 0 || lateCheckOffs > 100) {
            throw new IllegalArgumentException("--late-checkoffs is a percentage, 0..100");
        }
        return new BenchOptions(patients, seconds, warmup, concurrency, only, historyDays, explain, allowNonDurable,
                diagnose, checkpointFirst, lateCheckOffs, layout);
    }

    boolean runs(String call) {
        return only.contains(call) || only.isEmpty() && !ON_REQUEST.contains(call);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
