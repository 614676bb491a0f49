package io.spinewise.plan.service;

import io.spinewise.plan.api.ClinicSettingsView;
import io.spinewise.plan.config.PlanConfig;
import io.spinewise.plan.domain.ClinicSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;

/** A clinic's dashboard thresholds; the configured defaults until the clinic sets its own. */
@ApplicationScoped
public class ClinicSettingsService {

    @Inject
    PlanConfig config;

    @Transactional
    public ClinicSettingsView of(String clinicId) {
        ClinicSettings s = ClinicSettings.findById(clinicId);
        if (s == null) {
            PlanConfig.Dashboard d = config.dashboard();
            return new ClinicSettingsView(d.lowAdherencePercent(), d.painThreshold(), d.inactiveDays());
        }
        return new ClinicSettingsView(s.lowAdherencePercent, s.painThreshold, s.inactiveDays);
    }

    @Transactional
    public ClinicSettingsView set(String clinicId, String updatedBy, ClinicSettingsView view) {
        ClinicSettings s = ClinicSettings.findById(clinicId);
        if (s == null) {
            s = new ClinicSettings();
            s.clinicId = clinicId;
        }
        s.lowAdherencePercent = view.lowAdherencePercent();
        s.painThreshold = view.painThreshold();
        s.inactiveDays = view.inactiveDays();
        s.updatedBy = updatedBy;
        s.updatedAt = Instant.now();
        s.persist();
        return of(clinicId);
    }
}
