package io.spinewise.plan.service;

import io.spinewise.plan.domain.AdherenceRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** A patient's "today": the local date in the patient's own time zone, from the one clock. */
@ApplicationScoped
public class Today {

    @Inject
    Clock clock;

    public Instant now() {
        return clock.instant();
    }

    public LocalDate in(ZoneId zone) {
        return AdherenceRule.today(clock.instant(), zone);
    }
}
