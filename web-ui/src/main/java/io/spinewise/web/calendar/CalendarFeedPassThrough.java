package io.spinewise.web.calendar;

import io.spinewise.web.client.Downloads;
import io.spinewise.web.client.ServiceException;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;

/**
 * A patient's calendar feed on web-ui's public address, for calendar apps, which cannot sign in: the
 * secret token in the path is the credential (plan-service checks it), so no session is needed. Streamed
 * through from plan-service, which is not public. Anything but a token's characters is a 404 here, so
 * nothing else reaches plan-service's path.
 */
@Path("/calendar")
public class CalendarFeedPassThrough {

    /** plan-service's feed, a path template of its OpenAPI document. */
    public static final String PLAN_FEED = "/api/calendar/{token}.ics";
    /** The same on web-ui's public address. */
    public static final String PUBLIC_FEED = "/calendar/{token}.ics";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final String GONE = "No calendar feed at this link: it was turned off or replaced by a new link.";

    @Inject
    Downloads downloads;

    @GET
    @Path("/{token}.ics")
    @PermitAll // the token is the credential: calendar apps cannot sign in
    @Produces({"text/calendar", MediaType.TEXT_PLAIN})
    public Response feed(@PathParam("token") String token) {
        if (!TOKEN.matcher(token).matches()) {
            return gone();
        }
        HttpResponse<InputStream> answer;
        try {
            answer = downloads.open(PLAN_FEED.replace("{token}", token), false);
        } catch (ServiceException e) {
            if (e.notFound()) {
                return gone();
            }
            throw e;
        }
        StreamingOutput body = out -> {
            try (InputStream in = answer.body()) {
                in.transferTo(out);
            }
        };
        return Response.ok(body)
                .header(HttpHeaders.CONTENT_TYPE, answer.headers().firstValue(HttpHeaders.CONTENT_TYPE)
                        .orElse("text/calendar; charset=utf-8"))
                .header(HttpHeaders.CACHE_CONTROL, answer.headers().firstValue(HttpHeaders.CACHE_CONTROL)
                        .orElse("private, max-age=3600"))
                .header("X-Robots-Tag", "noindex")
                .build();
    }

    private static Response gone() {
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN_TYPE.withCharset("utf-8"))
                .entity(GONE).build();
    }
}
