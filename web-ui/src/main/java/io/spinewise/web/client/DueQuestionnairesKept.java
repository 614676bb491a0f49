package io.spinewise.web.client;

import io.spinewise.web.client.model.DueAssessment;
import io.spinewise.web.config.WebConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each patient's list of due questionnaires as Today last read it, kept a short while
 * ({@code spinewise.web.due-questionnaires-kept}, 30 s by default) for that patient alone: keyed by the
 * token's subject, so one patient's list never answers another user. Answering forgets it at once
 * ({@link MyQuestionnaires#answer}); a questionnaire the chiropractor assigns, or one answered through
 * another web-ui instance, shows within the keeping time.
 */
@ApplicationScoped
public class DueQuestionnairesKept {

    private static final int MOST = 10_000;

    private record Kept(List<DueAssessment> due, Instant until) {
    }

    private final Map<String, Kept> bySubject = new ConcurrentHashMap<>();

    @Inject
    WebConfig config;

    Clock clock = Clock.systemUTC();

    /** The subject's list, when kept and not kept too long. */
    Optional<List<DueAssessment>> of(String subject) {
        Kept kept = subject == null ? null : bySubject.get(subject);
        return kept != null && kept.until().isAfter(clock.instant()) ? Optional.of(kept.due()) : Optional.empty();
    }

    void keep(String subject, List<DueAssessment> due) {
        Duration keeping = config.dueQuestionnairesKept();
        if (subject == null || keeping.isZero() || keeping.isNegative()) {
            return;
        }
        if (bySubject.size() >= MOST) {
            // a crowd of patients at once: start again rather than grow without bound
            bySubject.clear();
        }
        bySubject.put(subject, new Kept(due == null ? List.of() : List.copyOf(due), clock.instant().plus(keeping)));
    }

    void forget(String subject) {
        if (subject != null) {
            bySubject.remove(subject);
        }
    }
}
