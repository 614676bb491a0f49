package io.spinewise.web.page;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.spinewise.web.client.ServiceException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every failure as a readable page (or, for an htmx request, a message shown in the page's
 * message area): a service that is down gives a friendly degraded page, a refusal its own
 * words, and nothing ever shows an exception or a stack trace.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    /** The error page. {@code degraded}: a service is down, the rest of the app still works. */
    record Error(int status, String title, String message, boolean degraded) implements TemplateInstance {
    }

    /** The same message as a fragment for htmx (swapped into {@code #flash}). */
    record ErrorMessage(String message) implements TemplateInstance {
    }

    @ServerExceptionMapper
    public Response service(ServiceException e, HttpHeaders headers) {
        if (e.unavailable()) {
            return page(503, "Temporarily unavailable", e.readableMessage(), true, headers);
        }
        return switch (e.status()) {
            case 401, 403 -> page(403, "Not allowed", "You are not allowed to see this.", false, headers);
            case 404 -> page(404, "Not found", e.readableMessage(), false, headers);
            // over an allowance: the service's words say which and when to try again
            case 429 -> page(429, "Too many requests", e.readableMessage(), false, headers);
            default -> page(e.status() == 409 || e.status() == 412 ? 409 : 400, "That did not work",
                    e.readableMessage(), false, headers);
        };
    }

    @ServerExceptionMapper
    public Response unreadable(UnreadableInput e, HttpHeaders headers) {
        return page(400, "That did not work", e.getMessage(), false, headers);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers) {
        return page(403, "Not allowed", "This page is not part of your role in Spinewise. Use the menu to get to your own pages.",
                false, headers);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, HttpHeaders headers) {
        return page(404, "Not found", "There is no such page. It may have moved; start again from the menu.", false, headers);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
            return page(500, "Something went wrong", "Something went wrong on our side. Please try again.", false, headers);
        }
        if (status == 405) {
            return page(405, "Not possible here", "This page cannot be used that way.", false, headers);
        }
        return page(status, "That did not work", "The request could not be understood. Please go back and try again.",
                false, headers);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, HttpHeaders headers) {
        LOG.error("unexpected failure", e);
        return page(500, "Something went wrong", "Something went wrong on our side. Please try again.", false, headers);
    }

    /** The answer to a {@code page} parameter that {@link Pager#requested} cannot read. */
    public static Response noSuchPage(String pageText, HttpHeaders headers) {
        return page(400, "No such page", "“" + pageText + "” is not a page number. Pages are numbered 1, 2, 3"
                + " and so on.", false, headers);
    }

    static Response page(int status, String title, String message, boolean degraded, HttpHeaders headers) {
        Response.ResponseBuilder answer = Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        if (headers != null && Htmx.isHtmx(headers)) {
            return answer.entity(new ErrorMessage(message))
                    .header("HX-Retarget", "#flash")
                    .header("HX-Reswap", "innerHTML")
                    .build();
        }
        if (degraded) {
            answer.header("Retry-After", "30");
        }
        return answer.entity(new Error(status, title, message, degraded)).build();
    }
}
