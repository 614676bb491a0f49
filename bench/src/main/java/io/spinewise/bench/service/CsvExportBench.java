package io.spinewise.bench.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * The adherence CSV of the measured clinic over the last 30 days and over its whole history (two years, or
 * {@code --years}), each from plan-service and from psql's {@code COPY ... TO STDOUT} of the same query, one after
 * the other, best of three: the service's rate against the database's ceiling, the time to the answer's first
 * byte, and plan-service's resident memory ({@link ProcessMemory}) after each range, since an export that
 * streams should cost the same memory for five years as for thirty days.
 */
final class CsvExportBench {

    private static final int RUNS = 3;

    private final HttpClient http;
    private final Path work;

    CsvExportBench(HttpClient http, Path work) {
        this.http = http;
        this.work = work;
    }

    void measure(BenchDatabase db, Services services, Calls calls, int historyDays) throws Exception {
        Report.heading("CSV report: service vs. " + (CopyCeiling.available()
                ? "psql COPY ... TO STDOUT of the same query (best of " + RUNS + ")" : "(psql not found: no ceiling)"));
        CopyCeiling copy = new CopyCeiling(db, work);
        if (CopyCeiling.available()) {
            Report.line("(psql's own start-up and connection, `psql -c 'SELECT 1'`: %.2f s, included in its times)",
                    copy.startupSeconds());
            Report.line("");
        }
        ProcessMemory before = ProcessMemory.of(services.plan.pid());
        Report.line("| range | rows | MB | first byte ms | service s | service rows/s | psql COPY s | psql rows/s"
                + " | service/psql | same bytes | plan-service RSS / peak MiB after |");
        Report.line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|");
        String token = Calls.adminToken();
        double[] peaks = new double[2];
        List<Integer> ranges = List.of(30, historyDays);
        for (int r = 0; r < ranges.size(); r++) {
            int days = ranges.get(r);
            LocalDate to = LocalDate.now(ZoneOffset.UTC).minusDays(1);
            LocalDate from = to.minusDays(days - 1L);
            Path serviceCsv = work.resolve("service-" + days + ".csv");
            Path psqlCsv = work.resolve("psql-" + days + ".csv");
            double firstByte = Double.MAX_VALUE;
            double serviceSeconds = Double.MAX_VALUE;
            double psqlSeconds = Double.MAX_VALUE;
            for (int i = 0; i < RUNS; i++) {
                double[] timed = export(calls, token, days, serviceCsv);
                firstByte = Math.min(firstByte, timed[0]);
                serviceSeconds = Math.min(serviceSeconds, timed[1]);
                Instant now = Instant.now();
                if (CopyCeiling.available()) {
                    psqlSeconds = Math.min(psqlSeconds, copy.export(ClinicData.MAIN, from, to, now, psqlCsv));
                }
            }
            ProcessMemory after = ProcessMemory.of(services.plan.pid());
            peaks[r] = after.peakMiB();
            long rows;
            try (var lines = Files.lines(serviceCsv)) {
                rows = lines.count() - 1;
            }
            boolean same = CopyCeiling.available() && Arrays.equals(Files.readAllBytes(serviceCsv),
                    Files.readAllBytes(psqlCsv));
            Report.line("| %d days | %d | %.1f | %.0f | %.2f | %.0f | %.2f | %.0f | %.2f | %s | %.0f / %.0f |", days, rows,
                    Files.size(serviceCsv) / 1e6, firstByte * 1000, serviceSeconds, rows / serviceSeconds, psqlSeconds,
                    rows / psqlSeconds, psqlSeconds / serviceSeconds,
                    same ? "yes" : "NO (a patient's day may have turned between the two, or the query drifted)",
                    after.rssMiB(), after.peakMiB());
        }
        Report.line("");
        Report.line("plan-service memory: RSS %.0f MiB, peak %.0f MiB before the exports; the peak grew by %.1f MiB"
                + " from the 30-day to the %d-day export (target ≤ 32 MB; the peak is the process's since its start,"
                + " so a run with only `--only csv` keeps earlier load out of it); first byte target ≤ 300 ms",
                before.rssMiB(), before.peakMiB(), peaks[1] - peaks[0], historyDays);
    }

    /** One export from the service to {@code file}: seconds to the body's first byte and to its last. */
    private double[] export(Calls calls, String token, int days, Path file) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<InputStream> response = http.send(calls.request(calls.reportUri(days), token).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        double firstByte;
        try (InputStream body = response.body(); OutputStream out = Files.newOutputStream(file)) {
            int first = body.read();
            firstByte = (System.nanoTime() - start) / 1e9;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("CSV report answered " + response.statusCode());
            }
            if (first >= 0) {
                out.write(first);
                body.transferTo(out);
            }
        }
        return new double[] {firstByte, (System.nanoTime() - start) / 1e9};
    }
}
