package io.spinewise.plan.service;

import io.spinewise.plan.api.ClinicSettingsView;
import io.spinewise.plan.config.PlanConfig;
import io.spinewise.plan.data.Prescribers;
import io.spinewise.plan.domain.ClinicSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/**
 * What a clinic's staff set and share: the dashboard thresholds (the configured defaults until the
 * clinic sets its own) and the prescribers the reports filter by.
 */
@ApplicationScoped
public class ClinicService {

    @Inject
    PlanConfig config;

    @Inject
    Prescribers prescribers;

    @Transactional
    public ClinicSettingsView settings(String clinicId) {
        ClinicSettings s = ClinicSettings.findById(clinicId);
        if (s == null) {
            PlanConfig.Dashboard d = config.dashboard();
            return new ClinicSettingsView(d.lowAdherencePercent(), d.painThreshold(), d.inactiveDays(), d.painRise());
        }
        return new ClinicSettingsView(s.lowAdherencePercent, s.painThreshold, s.inactiveDays, s.painRise);
    }

    @Transactional
    public ClinicSettingsView setSettings(String clinicId, String updatedBy, ClinicSettingsView view) {
        ClinicSettings s = ClinicSettings.findById(clinicId);
        if (s == null) {
            s = new ClinicSettings();
            s.clinicId = clinicId;
        }
        s.lowAdherencePercent = view.lowAdherencePercent();
        s.painThreshold = view.painThreshold();
        s.inactiveDays = view.inactiveDays();
        if (view.painRise() != null) {
            s.painRise = view.painRise();
        } else if (s.painRise == 0) { // a PUT without it keeps the clinic's own, else takes the default
            s.painRise = config.dashboard().painRise();
        }
        s.updatedBy = updatedBy;
        s.updatedAt = Instant.now();
        s.persist();
        return settings(clinicId);
    }

    /** The clinic's prescribers (who created its plans), by name. */
    public List<Prescribers.Prescriber> prescribers(String clinicId) {
        return prescribers.of(clinicId);
    }
}
