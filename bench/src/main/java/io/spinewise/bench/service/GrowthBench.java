package io.spinewise.bench.service;

import io.spinewise.testsupport.upgrade.ClinicHistory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code --only growth}: whether a page costs the same whatever the history's length and the clinic's size
 * (issue 15: ≤ 1.3 ×). Three clinics loaded next to the others ({@link ClinicData}): N patients with six months
 * of history (the base), N with five years, 10 × N with six months; the same calls against each, one client at a
 * time (a page's cost, not the pod's capacity), then each figure as a ratio to the base clinic's.
 */
final class GrowthBench {

    static final ClinicHistory.Clinic SHORT = new ClinicHistory.Clinic("growth-6-months", 0, 183);
    static final ClinicHistory.Clinic LONG = new ClinicHistory.Clinic("growth-5-years", 0, 1826);
    static final ClinicHistory.Clinic LARGE = new ClinicHistory.Clinic("growth-10x-patients", 0, 183);
    /** The ratio issue 15 allows between the base clinic and a longer history or a larger clinic. */
    static final double TARGET_RATIO = 1.3;

    private GrowthBench() {
    }

    /** The three clinics for a measured clinic of {@code patients}. */
    static List<ClinicHistory.Clinic> clinics(int patients) {
        return List.of(sized(SHORT, patients), sized(LONG, patients), sized(LARGE, 10 * patients));
    }

    static void measure(ClosedLoopLoad load, Services services, Calls calls, BenchOptions options) {
        Map<String, Function<Calls, Scenario>> pages = new LinkedHashMap<>();
        List<Integer> one = List.of(1);
        pages.put("dashboard page 20", c -> c.dashboard(20, one));
        pages.put("dashboard page 100", c -> c.dashboard(100, one));
        pages.put("today GET", c -> c.today(one));
        pages.put("patient GET", c -> c.patientPage("patient GET", "", one));
        pages.put("patient adherence, 35 days", c -> c.patientPage("patient adherence, 35 days",
                Calls.patientAdherencePath(), one));
        pages.put("patient plans GET", c -> c.patientPage("patient plans GET", "/plans", one));

        Report.heading("Growth: the same calls, 6 months vs 5 years of history, " + options.patients() + " vs "
                + 10 * options.patients() + " patients (one client; one pod = 1 core)");
        Report.loadHeader();
        CpuMeter plan = new CpuMeter(services.plan.pid());
        Duration warmUp = Duration.ofSeconds(options.warmupSeconds());
        Duration window = Duration.ofSeconds(options.seconds());
        Map<String, List<LoadResult>> byPage = new LinkedHashMap<>();
        List<ClinicHistory.Clinic> clinics = clinics(options.patients());
        // call by call, the three clinics back to back after a warm-up on all three, so that neither the JIT's
        // warming nor the machine's drift favours the clinic measured last
        pages.forEach((page, make) -> {
            List<Scenario> scenarios = clinics.stream().map(clinic -> {
                Scenario call = make.apply(calls.in(clinic.id(), clinic.patients()));
                return new Scenario(page + ", " + clinic.id(), call.target(), one, call.next());
            }).toList();
            scenarios.forEach(scenario -> load.warmUp(scenario, 1, warmUp));
            for (Scenario scenario : scenarios) {
                LoadResult result = load.measure(scenario, plan, 1, window);
                Report.loadRow(result);
                byPage.computeIfAbsent(page, k -> new ArrayList<>()).add(result);
            }
        });
        Report.line("");
        Report.line("| call | p50 ms 6 months / 5 years / 10x | 5 years ÷ 6 months: p50, service CPU, PostgreSQL CPU"
                + " | 10x patients ÷ 1x: p50, service CPU, PostgreSQL CPU |");
        Report.line("|---|---|---|---|");
        byPage.forEach((page, r) -> Report.line("| %s | %.1f / %.1f / %.1f | %s | %s |", page,
                r.get(0).percentileMillis(50), r.get(1).percentileMillis(50), r.get(2).percentileMillis(50),
                ratios(r.get(1), r.get(0)), ratios(r.get(2), r.get(0))));
        Report.line("");
        Report.line("(target: each ratio ≤ %.1f ×; a ratio above it is marked !)", TARGET_RATIO);
    }

    private static String ratios(LoadResult grown, LoadResult base) {
        return ratio(grown.percentileMillis(50), base.percentileMillis(50)) + ", "
                + ratio(grown.serviceCpuMillisPerCall(), base.serviceCpuMillisPerCall()) + ", "
                + ratio(grown.databaseCpuMillisPerCall(), base.databaseCpuMillisPerCall());
    }

    private static String ratio(double grown, double base) {
        double ratio = grown / base;
        return String.format(Locale.ROOT, "%.2f ×%s", ratio, ratio > TARGET_RATIO ? " !" : "");
    }

    private static ClinicHistory.Clinic sized(ClinicHistory.Clinic clinic, int patients) {
        return new ClinicHistory.Clinic(clinic.id(), patients, clinic.days());
    }
}
