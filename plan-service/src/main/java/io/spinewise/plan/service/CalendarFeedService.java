package io.spinewise.plan.service;

import io.spinewise.plan.api.CalendarFeedLink;
import io.spinewise.plan.api.CalendarFeedView;
import io.spinewise.plan.domain.AdherenceRule;
import io.spinewise.plan.domain.CalendarFeed;
import io.spinewise.plan.domain.Patient;
import io.spinewise.plan.domain.PlanPause;
import io.spinewise.plan.domain.PlanVersion;
import io.spinewise.plan.domain.SessionCalendar;
import io.spinewise.plan.report.CalendarFeedIcs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A patient's private calendar feed: turned on or given a new link (a new 256-bit random token, of
 * which only the SHA-256 is stored, so the old link stops at once), turned off, and served to whoever
 * holds the token: the scheduled sessions of {@link #DAYS_BACK} days back to {@link #DAYS_AHEAD} ahead.
 */
@ApplicationScoped
public class CalendarFeedService {

    /** Days before the patient's today in the feed (a calendar keeps what it fetched before anyway). */
    public static final int DAYS_BACK = 7;
    /** Days after the patient's today in the feed: the coming eight weeks. */
    public static final int DAYS_AHEAD = 56;
    /** 32 random bytes in base64url without padding. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EntityManager em;

    @Inject
    Today today;

    @Transactional
    public CalendarFeedView status(Patient patient) {
        return CalendarFeed.<CalendarFeed>findByIdOptional(patient.id)
                .map(f -> new CalendarFeedView(f.isOn(), HH_MM.format(f.startsAt), f.rotatedAt))
                .orElse(new CalendarFeedView(false, HH_MM.format(CalendarFeed.DEFAULT_START), null));
    }

    /** Turns the feed on, or replaces its token; {@code startsAt} null keeps the chosen time. */
    @Transactional
    public CalendarFeedLink turnOn(Patient patient, String startsAt) {
        CalendarFeed feed = em.find(CalendarFeed.class, patient.id, LockModeType.PESSIMISTIC_WRITE);
        Instant now = today.now();
        if (feed == null) {
            feed = new CalendarFeed();
            feed.patientId = patient.id;
            feed.clinicId = patient.clinicId;
            feed.startsAt = CalendarFeed.DEFAULT_START;
            feed.createdAt = now;
            feed.persist();
        }
        if (startsAt != null) {
            feed.startsAt = LocalTime.parse(startsAt, HH_MM);
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        feed.tokenHash = hash(token);
        feed.rotatedAt = now;
        em.flush();
        return new CalendarFeedLink(true, HH_MM.format(feed.startsAt), now, token, "/api/calendar/" + token + ".ics");
    }

    @Transactional
    public CalendarFeedView turnOff(Patient patient) {
        CalendarFeed feed = em.find(CalendarFeed.class, patient.id, LockModeType.PESSIMISTIC_WRITE);
        if (feed != null) {
            feed.tokenHash = null;
            feed.rotatedAt = null;
        }
        return new CalendarFeedView(false, HH_MM.format(feed == null ? CalendarFeed.DEFAULT_START : feed.startsAt),
                null);
    }

    /**
     * The feed of the token's patient; empty for a token that is malformed, unknown or replaced. Looked up
     * by the token's hash (a unique index), then the hashes compared in constant time: the lookup's timing
     * depends on the hash, which a caller cannot steer towards a stored one.
     */
    @Transactional
    public Optional<String> feed(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        byte[] hash = hash(token);
        return CalendarFeed.<CalendarFeed>find("tokenHash", hash).firstResultOptional()
                .filter(f -> MessageDigest.isEqual(f.tokenHash, hash))
                .map(f -> ics(em.find(Patient.class, f.patientId), f.startsAt));
    }

    private String ics(Patient patient, LocalTime startsAt) {
        LocalDate localToday = today.in(patient.zone());
        LocalDate from = localToday.minusDays(DAYS_BACK);
        LocalDate to = localToday.plusDays(DAYS_AHEAD);
        List<AdherenceRule.Schedule> schedules = em.createQuery("select v from PlanVersion v, Plan p"
                        + " where v.planId = p.id and p.patientId = :patient order by p.createdAt, p.id, v.version",
                        PlanVersion.class)
                .setParameter("patient", patient.id).getResultStream().map(AdherenceRule.Schedule::of).toList();
        List<UUID> planIds = schedules.stream().map(AdherenceRule.Schedule::planId).distinct().toList();
        List<AdherenceRule.Pause> pauses = planIds.isEmpty() ? List.of()
                : PlanPause.<PlanPause>list("planId in ?1", planIds).stream()
                        .map(p -> new AdherenceRule.Pause(p.planId, p.pausedFrom, p.pausedUntil)).toList();
        return CalendarFeedIcs.write(patient.zone(), SessionCalendar.slots(schedules, pauses, from, to, startsAt),
                from, to, today.now());
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
