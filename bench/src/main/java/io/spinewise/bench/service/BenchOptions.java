package io.spinewise.bench.service;

import java.util.Arrays;
import java.util.List;

/**
 * What {@code bench/run service} takes: {@code --patients N} (patients of the measured clinic,
 * default 1000; the other clinics get a tenth each), {@code --seconds S} (measured seconds per
 * concurrency level, default 10), {@code --warmup S} (default 10), {@code --concurrency 1,8,32}
 * (levels for the light calls; the exports run at 1 and 4), {@code --only name,...} (a subset:
 * check-off, today, dashboard-20, dashboard-100, catalog-list, catalog-search, csv-month, pdf, and
 * csv for the service-vs-psql report comparison), {@code --explain} (print the query plans of the dashboard and the CSV report
 * instead of measuring), {@code --allow-non-durable} (measure the database's ceilings even when the server reports
 * fsync or synchronous commit off; refused otherwise).
 */
record BenchOptions(int patients, int seconds, int warmupSeconds, List<Integer> concurrency, List<String> only,
                    boolean explain, boolean allowNonDurable) {

    static BenchOptions parse(String[] args) {
        int patients = 1000;
        int seconds = 10;
        int warmup = 10;
        List<Integer> concurrency = List.of(1, 8, 32);
        List<String> only = List.of();
        boolean explain = false;
        boolean allowNonDurable = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--patients" -> patients = Integer.parseInt(value(args, ++i));
                case "--seconds" -> seconds = Integer.parseInt(value(args, ++i));
                case "--warmup" -> warmup = Integer.parseInt(value(args, ++i));
                case "--concurrency" -> concurrency = Arrays.stream(value(args, ++i).split(","))
                        .map(String::strip).map(Integer::valueOf).toList();
                case "--only" -> only = List.of(value(args, ++i).split(","));
                case "--explain" -> explain = true;
                case "--allow-non-durable" -> allowNonDurable = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; options: --patients N"
                        + " --seconds S --warmup S --concurrency 1,8,32 --only check-off,today,... --explain --allow-non-durable");
            }
        }
        if (patients < 20) {
            throw new IllegalArgumentException("--patients must be at least 20 (a dashboard page of 20)");
        }
        return new BenchOptions(patients, seconds, warmup, concurrency, only, explain, allowNonDurable);
    }

    boolean runs(String call) {
        return only.isEmpty() || only.contains(call);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
