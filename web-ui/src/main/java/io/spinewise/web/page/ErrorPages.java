package io.spinewise.web.page;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.spinewise.web.client.ServiceException;
import io.spinewise.web.language.PatientLanguage;
import io.spinewise.web.language.PatientMessages;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Locale;

/**
 * Every failure as a readable page (or, for an htmx request, a message shown in the page's
 * message area): a service that is down gives a friendly degraded page, a refusal its own
 * words, and nothing ever shows an exception or a stack trace.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @Inject
    PatientLanguage language;

    /** The error page. {@code degraded}: a service is down, the rest of the app still works. */
    record Error(int status, String title, String message, boolean degraded) implements TemplateInstance {
    }

    /** The same message as a fragment for htmx (swapped into {@code #flash}). */
    record ErrorMessage(String message) implements TemplateInstance {
    }

    @ServerExceptionMapper
    public Response service(ServiceException e, HttpHeaders headers) {
        if (e.unavailable()) {
            return page(503, words(503).errorUnavailableTitle(), e.readableMessage(), true, headers);
        }
        PatientMessages words = words(e.status());
        return switch (e.status()) {
            case 401, 403 -> page(403, words.errorNotAllowedTitle(), words.errorNotAllowed(), false, headers);
            case 404 -> page(404, words.errorNotFoundTitle(), e.readableMessage(), false, headers);
            // over an allowance: the service's words say which and when to try again
            case 429 -> page(429, words.errorTooManyTitle(), e.readableMessage(), false, headers);
            default -> page(e.status() == 409 || e.status() == 412 ? 409 : 400, words.errorDidNotWorkTitle(),
                    e.readableMessage(), false, headers);
        };
    }

    @ServerExceptionMapper
    public Response unreadable(UnreadableInput e, HttpHeaders headers) {
        return page(400, words(400).errorDidNotWorkTitle(), e.getMessage(), false, headers);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers) {
        PatientMessages words = words(403);
        return page(403, words.errorNotAllowedTitle(), words.errorNotYourPage(), false, headers);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, HttpHeaders headers) {
        PatientMessages words = words(404);
        return page(404, words.errorNotFoundTitle(), words.errorNoSuchPage(), false, headers);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        PatientMessages words = words(status);
        if (status >= 500) {
            LOG.error("request failed", e);
            return page(500, words.errorOurSideTitle(), words.errorOurSide(), false, headers);
        }
        if (status == 405) {
            return page(405, words.errorNotPossibleTitle(), words.errorNotPossible(), false, headers);
        }
        return page(status, words.errorDidNotWorkTitle(), words.errorNotUnderstood(), false, headers);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, HttpHeaders headers) {
        LOG.error("unexpected failure", e);
        PatientMessages words = words(500);
        return page(500, words.errorOurSideTitle(), words.errorOurSide(), false, headers);
    }

    /**
     * The error page's words in the page's language (English but for a patient). plan-service is
     * asked for the patient's choice only when it is not the service that failed.
     */
    private PatientMessages words(int status) {
        return language.messages(status < 500);
    }

    /** The answer to a {@code page} parameter that {@link Pager#requested} cannot read. */
    public static Response noSuchPage(String pageText, HttpHeaders headers) {
        return page(400, "No such page", "“" + pageText + "” is not a page number. Pages are numbered 1, 2, 3"
                + " and so on.", false, headers, Locale.ENGLISH);
    }

    private Response page(int status, String title, String message, boolean degraded, HttpHeaders headers) {
        return page(status, title, message, degraded, headers, language.locale(status < 500));
    }

    /**
     * @param locale the page's language, set on the page itself: an error may come before {@code PageLocaleFilter}
     *               (a page of another role is refused before it runs)
     */
    static Response page(int status, String title, String message, boolean degraded, HttpHeaders headers,
                         Locale locale) {
        Response.ResponseBuilder answer = Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        if (headers != null && Htmx.isHtmx(headers)) {
            return answer.entity(new ErrorMessage(message).setLocale(locale))
                    .header("HX-Retarget", "#flash")
                    .header("HX-Reswap", "innerHTML")
                    .build();
        }
        if (degraded) {
            answer.header("Retry-After", "30");
        }
        return answer.entity(new Error(status, title, message, degraded).setLocale(locale)).build();
    }
}
