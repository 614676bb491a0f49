package io.spinewise.catalog.rest;

import io.spinewise.catalog.config.MediaConfig;
import io.spinewise.catalog.domain.ExerciseMedia;
import io.spinewise.catalog.domain.MediaKind;
import io.spinewise.catalog.media.MediaStorage;
import io.spinewise.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

import java.io.InputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stored file as an HTTP answer, streamed from the bucket: its type, length, content hash as ETag,
 * private caching for good (ids are never reused), no type sniffing by the browser, and a sandbox
 * should it be opened on its own. A video's single byte range is passed on to the store.
 */
@ApplicationScoped
class MediaFiles {

    private static final Logger LOG = Logger.getLogger(MediaFiles.class);
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d{1,15})-(\\d{0,15})");

    @Inject
    MediaStorage storage;

    @Inject
    MediaConfig config;

    Response serve(ExerciseMedia media, String range, String ifNoneMatch) {
        EntityTag etag = new EntityTag(media.sha256);
        if (ifNoneMatch != null && (ifNoneMatch.contains("\"" + media.sha256 + "\"") || ifNoneMatch.strip().equals("*"))) {
            return headers(Response.notModified(etag), media).build();
        }
        String asked = satisfiable(media, range);
        ResponseInputStream<GetObjectResponse> object = storage.get(media.objectKey, asked).orElseThrow(() -> {
            LOG.errorf("Media %s has a row but no object %s in the bucket", media.id, media.objectKey);
            return ProblemException.notFound("The file of media " + media.id + " is missing.");
        });
        GetObjectResponse stored = object.response();
        Response.ResponseBuilder answer = asked == null ? Response.ok() : Response.status(Response.Status.PARTIAL_CONTENT)
                .header("Content-Range", stored.contentRange());
        return headers(answer.tag(etag), media)
                .entity(copy(object))
                .type(media.contentType)
                .header(HttpHeaders.CONTENT_LENGTH, stored.contentLength())
                .header("Accept-Ranges", media.kind == MediaKind.VIDEO ? "bytes" : "none")
                .build();
    }

    private Response.ResponseBuilder headers(Response.ResponseBuilder answer, ExerciseMedia media) {
        return answer.header(HttpHeaders.CACHE_CONTROL, "private, max-age=" + config.cacheMaxAge().toSeconds() + ", immutable")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox");
    }

    /** The range to ask the store for, or null for the whole file: pictures, several ranges and ranges past the end are served whole. */
    private static String satisfiable(ExerciseMedia media, String range) {
        if (range == null || media.kind != MediaKind.VIDEO) {
            return null;
        }
        Matcher matcher = RANGE.matcher(range.strip());
        if (!matcher.matches()) {
            return null;
        }
        long first = Long.parseLong(matcher.group(1));
        long last = matcher.group(2).isEmpty() ? media.size - 1 : Math.min(Long.parseLong(matcher.group(2)), media.size - 1);
        if (first >= media.size || last < first) {
            return null;
        }
        return "bytes=" + first + "-" + last;
    }

    private static StreamingOutput copy(InputStream object) {
        return output -> {
            try (object) {
                object.transferTo(output);
            }
        };
    }
}
