package io.spinewise.plan.service;

import io.spinewise.common.problem.ProblemException;
import io.spinewise.plan.api.ClinicReminderDefaultView;
import io.spinewise.plan.api.ReminderPreferencesRequest;
import io.spinewise.plan.api.ReminderPreferencesView;
import io.spinewise.plan.config.ReminderConfig;
import io.spinewise.plan.data.Reminders;
import io.spinewise.plan.domain.ClinicReminderDefault;
import io.spinewise.plan.domain.Patient;
import io.spinewise.plan.domain.ReminderChannel;
import io.spinewise.plan.domain.ReminderPreference;
import io.spinewise.plan.domain.ReminderSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.security.MessageDigest;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who gets reminded how: a patient's own choice, else the clinic's default, else the configured one (which sends
 * nothing: a clinic opts in); and the one-click unsubscribe of a reminder mail, which turns e-mail off.
 */
@ApplicationScoped
public class ReminderPreferences {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    /** 32 random bytes in base64url without padding, as the mails carry them. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    @Inject
    ReminderConfig config;

    @Inject
    Reminders reminders;

    @Inject
    EntityManager em;

    @Inject
    Today today;

    /** The settings in force for a patient. */
    @Transactional
    public ReminderSettings of(Patient patient) {
        ReminderPreference own = ReminderPreference.findById(patient.id);
        if (own != null) {
            return new ReminderSettings(ReminderSettings.channels(own.email, own.push), own.remindAt, own.quietFrom,
                    own.quietUntil);
        }
        return clinicDefault(patient.clinicId);
    }

    @Transactional
    public ReminderPreferencesView view(Patient patient) {
        ReminderSettings s = of(patient);
        return new ReminderPreferencesView(sorted(s.channels()), HH_MM.format(s.remindAt()), time(s.quietFrom()),
                time(s.quietUntil()), ReminderPreference.findById(patient.id) != null, hasEmail(patient));
    }

    @Transactional
    public ReminderPreferencesView choose(Patient patient, ReminderPreferencesRequest request) {
        if ((request.quietFrom() == null) != (request.quietUntil() == null)) {
            throw ProblemException.invalid(request.quietFrom() == null ? "quietFrom" : "quietUntil",
                    "quiet hours need both a start and an end, or neither");
        }
        ReminderPreference p = em.find(ReminderPreference.class, patient.id, LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            p = new ReminderPreference();
            p.patientId = patient.id;
            p.clinicId = patient.clinicId;
        }
        Set<ReminderChannel> channels = Set.copyOf(request.channels());
        p.email = channels.contains(ReminderChannel.EMAIL);
        p.push = channels.contains(ReminderChannel.PUSH);
        p.remindAt = LocalTime.parse(request.remindAt(), HH_MM);
        p.quietFrom = request.quietFrom() == null ? null : LocalTime.parse(request.quietFrom(), HH_MM);
        p.quietUntil = request.quietUntil() == null ? null : LocalTime.parse(request.quietUntil(), HH_MM);
        p.updatedAt = today.now();
        p.persist();
        return view(patient);
    }

    /**
     * Forgets the patient's own choice, so their clinic's default applies again (and follows the clinic's later
     * changes); repeating it changes nothing.
     */
    @Transactional
    public void forget(Patient patient) {
        ReminderPreference.deleteById(patient.id);
    }

    @Transactional
    public ClinicReminderDefaultView clinicDefaultView(String clinicId) {
        ReminderSettings s = clinicDefault(clinicId);
        return new ClinicReminderDefaultView(sorted(s.channels()), HH_MM.format(s.remindAt()));
    }

    @Transactional
    public ClinicReminderDefaultView setClinicDefault(String clinicId, String updatedBy, ClinicReminderDefaultView view) {
        ClinicReminderDefault d = em.find(ClinicReminderDefault.class, clinicId, LockModeType.PESSIMISTIC_WRITE);
        if (d == null) {
            d = new ClinicReminderDefault();
            d.clinicId = clinicId;
        }
        d.email = view.channels().contains(ReminderChannel.EMAIL);
        d.push = view.channels().contains(ReminderChannel.PUSH);
        d.remindAt = LocalTime.parse(view.remindAt(), HH_MM);
        d.updatedBy = updatedBy;
        d.updatedAt = today.now();
        d.persist();
        return clinicDefaultView(clinicId);
    }

    /**
     * Turns e-mail reminders off for the patient whose reminder mail carried this token (their other choices
     * stay, or the clinic's default becomes their own without e-mail); false for a malformed or unknown token.
     * Repeating it changes nothing.
     */
    @Transactional
    public boolean unsubscribe(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return false;
        }
        byte[] hash = sha256(token);
        return reminders.byUnsubscribeHash(hash).filter(u -> MessageDigest.isEqual(u.storedHash(), hash))
                .map(u -> {
                    Patient patient = em.find(Patient.class, u.patientId());
                    ReminderSettings now = of(patient);
                    ReminderPreference p = em.find(ReminderPreference.class, patient.id,
                            LockModeType.PESSIMISTIC_WRITE);
                    if (p == null) {
                        p = new ReminderPreference();
                        p.patientId = patient.id;
                        p.clinicId = patient.clinicId;
                        p.push = now.channels().contains(ReminderChannel.PUSH);
                        p.remindAt = now.remindAt();
                    }
                    p.email = false;
                    p.updatedAt = today.now();
                    p.persist();
                    return true;
                }).orElse(false);
    }

    static boolean hasEmail(Patient patient) {
        return patient.email != null && !patient.email.isBlank();
    }

    static byte[] sha256(String token) {
        return CalendarFeedService.hash(token);
    }

    private ReminderSettings clinicDefault(String clinicId) {
        ClinicReminderDefault d = ClinicReminderDefault.findById(clinicId);
        if (d == null) {
            return new ReminderSettings(ReminderSettings.channels(config.defaultEmail(), false),
                    config.defaultRemindAt(), null, null);
        }
        return new ReminderSettings(ReminderSettings.channels(d.email, d.push), d.remindAt, null, null);
    }

    private static List<ReminderChannel> sorted(Set<ReminderChannel> channels) {
        return channels.stream().sorted().toList();
    }

    private static String time(LocalTime t) {
        return t == null ? null : HH_MM.format(t);
    }
}
