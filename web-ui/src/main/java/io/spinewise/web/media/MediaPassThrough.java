package io.spinewise.web.media;

import io.spinewise.web.client.CatalogMedia;
import io.spinewise.web.client.ServiceException;
import io.spinewise.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A clinic's photo or video for the browser, streamed from catalog-service with the signed-in
 * user's token (which stays in this app): the catalog decides who sees it (its clinic's users
 * only; anyone else gets 404) and its headers go along as they are: type, length, ETag, caching,
 * no sniffing, a video's byte range.
 */
@Path("/media")
@RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN, Roles.PATIENT})
public class MediaPassThrough {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");
    /**
     * The catalog's answer headers the browser gets; X-Content-Type-Options and the Content-Security-Policy are
     * this app's own on every answer (security/SecurityHeaders), so they are not passed on a second time.
     */
    private static final List<String> PASSED_ON = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LENGTH,
            HttpHeaders.ETAG, HttpHeaders.CACHE_CONTROL, "Accept-Ranges", "Content-Range");

    @Inject
    CatalogMedia media;

    @GET
    @Path("/{slug}/{id}")
    public Response file(@PathParam("slug") String slug, @PathParam("id") String id,
                         @HeaderParam("Range") String range, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        UUID mediaId = parse(id);
        if (!SLUG.matcher(slug).matches() || mediaId == null) {
            throw new NotFoundException();
        }
        Map<String, String> asked = new LinkedHashMap<>();
        if (range != null) {
            asked.put("Range", range);
        }
        if (ifNoneMatch != null) {
            asked.put(HttpHeaders.IF_NONE_MATCH, ifNoneMatch);
        }
        HttpResponse<InputStream> answer;
        try {
            answer = media.open(slug, mediaId, asked);
        } catch (ServiceException e) {
            if (e.notFound()) {
                throw new NotFoundException();
            }
            throw e;
        }
        Response.ResponseBuilder response = Response.status(answer.statusCode());
        PASSED_ON.forEach(name -> answer.headers().firstValue(name).ifPresent(value -> response.header(name, value)));
        if (answer.statusCode() == 304) {
            closeQuietly(answer.body());
            return response.build();
        }
        StreamingOutput body = out -> {
            try (InputStream in = answer.body()) {
                in.transferTo(out);
            }
        };
        return response.entity(body).build();
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // nothing was to be read
        }
    }
}
