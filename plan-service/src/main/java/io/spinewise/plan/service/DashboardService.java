package io.spinewise.plan.service;

import io.spinewise.common.paging.Page;
import io.spinewise.common.paging.PageRequest;
import io.spinewise.plan.api.ClinicSettingsView;
import io.spinewise.plan.api.DashboardPage;
import io.spinewise.plan.api.DashboardRow;
import io.spinewise.plan.config.PlanConfig;
import io.spinewise.plan.data.DashboardFigures;
import io.spinewise.plan.domain.AdherenceRule;
import io.spinewise.plan.domain.Patient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The clinic dashboard: a page of the clinic's patients (by name) with their figures
 * ({@link DashboardFigures}, one statement per page over the longest of 30 days, the inactivity span
 * and the streak horizon) and the flags the clinic's thresholds raise.
 */
@ApplicationScoped
public class DashboardService {

    @Inject
    DashboardFigures figures;

    @Inject
    PatientService patients;

    @Inject
    ClinicService clinics;

    @Inject
    PlanConfig config;

    @Inject
    Today today;

    /**
     * A page by number, or the one after {@code after} or before {@code before} ({@link PatientService#page}).
     * One read transaction for the page's statements: one connection and one commit instead of one per part.
     */
    @Transactional
    public DashboardPage page(String clinicId, String text, PageRequest paging, PatientPosition after,
                              PatientPosition before) {
        PatientService.PatientPage found = patients.page(clinicId, text, paging, after, before);
        ClinicSettingsView thresholds = clinics.settings(clinicId);
        Map<UUID, DashboardRow> rows = figures(found.page().items(), thresholds);
        Page<DashboardRow> page = found.page().map(p -> rows.get(p.id));
        return new DashboardPage(page.items(), page.page(), page.size(), page.total(), text(found.next()),
                text(found.previous()));
    }

    private static String text(PatientPosition position) {
        return position == null ? null : position.text();
    }

    private Map<UUID, DashboardRow> figures(List<Patient> page, ClinicSettingsView thresholds) {
        Map<UUID, DashboardRow> rows = new HashMap<>();
        if (page.isEmpty()) {
            return rows;
        }
        Map<UUID, String> names = new HashMap<>();
        page.forEach(p -> names.put(p.id, p.name()));
        int horizon = Math.max(Math.max(30, thresholds.inactiveDays()), config.dashboard().streakHorizonDays());
        for (DashboardFigures.Figures f : figures.of(List.copyOf(names.keySet()), today.now(), horizon,
                thresholds.inactiveDays())) {
            rows.put(f.patientId(), row(f, names.get(f.patientId()), thresholds));
        }
        return rows;
    }

    private static DashboardRow row(DashboardFigures.Figures f, String name, ClinicSettingsView t) {
        Double change = f.painReports() >= 2 && f.earlyPain() != null && f.recentPain() != null
                ? f.recentPain().subtract(f.earlyPain()).doubleValue() : null;
        Double pct30 = AdherenceRule.percentage(f.completed30(), f.scheduled30());
        List<String> flags = new ArrayList<>();
        if (pct30 != null && pct30 < t.lowAdherencePercent()) {
            flags.add("LOW_ADHERENCE");
        }
        if (f.latestPain() != null && f.latestPain() >= t.painThreshold()) {
            flags.add("PAIN");
        }
        if (f.scheduledInactive() > 0
                && (f.lastSession() == null || !f.lastSession().isAfter(f.today().minusDays(t.inactiveDays())))) {
            flags.add("INACTIVE");
        }
        return new DashboardRow(f.patientId(), name,
                new DashboardRow.Window(f.scheduled7(), f.completed7(),
                        AdherenceRule.percentage(f.completed7(), f.scheduled7())),
                new DashboardRow.Window(f.scheduled30(), f.completed30(), pct30), f.streak(), f.streakCapped(),
                f.lastSession(), f.latestPain(), change, flags);
    }
}
