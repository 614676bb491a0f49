package io.spinewise.web.language;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The patients' language choices, kept a few minutes per user, so that a page view neither reads
 * the patient's record again nor adds a {@code me.read} record to the clinic's audit log each time.
 * A choice made on this web-ui is kept at once; one made through another instance shows within
 * {@link #KEPT}.
 */
@ApplicationScoped
public class LanguageChoices {

    static final Duration KEPT = Duration.ofMinutes(5);
    private static final int MOST = 10_000;

    private record Kept(String language, Instant until) {
    }

    private final Map<String, Kept> bySubject = new ConcurrentHashMap<>();

    /** The user's choice: "" when they have made none, null when not known here (or kept too long). */
    String known(String subject) {
        Kept kept = subject == null ? null : bySubject.get(subject);
        return kept == null || kept.until().isBefore(Instant.now()) ? null : kept.language();
    }

    void keep(String subject, String language) {
        if (subject == null) {
            return;
        }
        if (bySubject.size() >= MOST) {
            // a crowd of users at once: start again rather than grow without bound
            bySubject.clear();
        }
        bySubject.put(subject, new Kept(language == null ? "" : language, Instant.now().plus(KEPT)));
    }
}
