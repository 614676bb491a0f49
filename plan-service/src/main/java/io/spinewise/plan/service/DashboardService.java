package io.spinewise.plan.service;

import io.spinewise.common.paging.Page;
import io.spinewise.common.paging.PageRequest;
import io.spinewise.plan.api.ClinicSettingsView;
import io.spinewise.plan.api.DashboardRow;
import io.spinewise.plan.config.PlanConfig;
import io.spinewise.plan.data.DashboardFigures;
import io.spinewise.plan.domain.AdherenceRule;
import io.spinewise.plan.domain.Patient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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

    public Page<DashboardRow> page(String clinicId, String text, PageRequest paging) {
        Page<Patient> page = patients.list(clinicId, text, paging);
        ClinicSettingsView thresholds = clinics.settings(clinicId);
        Map<UUID, DashboardRow> rows = figures(page.items(), thresholds);
        return page.map(p -> rows.get(p.id));
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
