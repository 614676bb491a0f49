package io.spinewise.web.language;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.spinewise.web.client.PlanClient;
import io.spinewise.web.client.model.Patient;
import io.spinewise.web.security.CurrentUser;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Locale;

/**
 * The language of this request's page. A patient reads their pages in the language they chose
 * (plan-service keeps it), else the first of the browser's {@code Accept-Language} that
 * Spinewise is written in, else English; staff pages, and pages for no one signed in, are English.
 */
@RequestScoped
public class PatientLanguage {

    /** The languages the patient's pages are written in, English first (the fallback). */
    public static final List<String> OFFERED = List.of("en", "de", "fr", "es");

    private static final List<Locale> LOCALES = OFFERED.stream().map(Locale::forLanguageTag).toList();

    /** A language on offer, by its tag and in its own words ("Deutsch"). */
    public record Choice(String tag, String name) {
    }

    @Inject
    CurrentUser user;

    @Inject
    PlanClient plan;

    @Inject
    HttpServerRequest request;

    @Inject
    LanguageChoices choices;

    private Patient record;
    private String preference;
    private boolean preferenceKnown;
    private Locale locale;

    /** The patient's record, read once per request: the page's language may need it, and so does Progress. */
    public Patient patientRecord() {
        if (record == null) {
            record = plan.me();
            choices.keep(user.subject(), record.language());
        }
        return record;
    }

    /** The patient has just chosen: their next pages follow at once. */
    public void chosen(String language) {
        choices.keep(user.subject(), language);
    }

    /** The page's language; may ask plan-service once for the patient's choice. */
    public Locale locale() {
        return locale(true);
    }

    /**
     * The page's language, decided once per request.
     *
     * @param mayAsk false when plan-service is better left alone (an error page, often because it
     *               is down): the patient's browser decides
     */
    public Locale locale(boolean mayAsk) {
        if (locale != null) {
            return locale;
        }
        if (!user.patient()) {
            locale = Locale.ENGLISH;
            return locale;
        }
        if (!preferenceKnown) {
            String kept = choices.known(user.subject());
            if (kept != null) {
                preference = kept.isEmpty() ? null : kept;
                preferenceKnown = true;
            } else if (mayAsk && !Context.isOnEventLoopThread()) {
                preference = storedPreference();
                preferenceKnown = true;
            }
        }
        locale = preference != null && OFFERED.contains(preference) ? Locale.forLanguageTag(preference)
                : fromBrowser(request.getHeader("Accept-Language"));
        return locale;
    }

    public PatientMessages messages() {
        return inLanguage(locale().getLanguage());
    }

    /** The page's words; see {@link #locale(boolean)}. */
    public PatientMessages messages(boolean mayAsk) {
        return inLanguage(locale(mayAsk).getLanguage());
    }

    /** Every language on offer, each named in its own words. */
    public static List<Choice> choices() {
        return OFFERED.stream().map(tag -> new Choice(tag, inLanguage(tag).languageName())).toList();
    }

    private static PatientMessages inLanguage(String tag) {
        return MessageBundles.get(PatientMessages.class, Localized.Literal.of(tag));
    }

    /** The first language of an {@code Accept-Language} header that the pages are written in, else English. */
    static Locale fromBrowser(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            Locale found = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), LOCALES);
            return found == null ? Locale.ENGLISH : found;
        } catch (IllegalArgumentException malformed) {
            return Locale.ENGLISH;
        }
    }

    private String storedPreference() {
        try {
            return patientRecord().language();
        } catch (RuntimeException unavailable) {
            // the page still renders, in the browser's language
            return null;
        }
    }
}
