package io.spinewise.web.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * The clinic's photos and videos at catalog-service, with the signed-in user's token: a file opened
 * as a stream (for the pass-through to the browser) and an upload sent on as the multipart form the
 * catalog takes, from the file Quarkus wrote to disk, with its length declared (never chunked, never
 * whole in memory). A refusal is a {@link ServiceException} like any other call's.
 */
@ApplicationScoped
public class CatalogMedia {

    /** catalog-service's operations, as path templates of its OpenAPI document. */
    public static final String MEDIA = "/api/exercises/{slug}/media";
    public static final String ONE_MEDIA = "/api/exercises/{slug}/media/{id}";

    private static final Logger LOG = Logger.getLogger(CatalogMedia.class);

    @Inject
    StreamedCalls streamed;

    @Inject
    PatientExerciseCache patientLibrary;

    @ConfigProperty(name = "quarkus.rest-client.catalog.url")
    String catalogUrl;

    /** The form's file as it arrived: where Quarkus stored it, its name and declared type. */
    public record Upload(Path file, String fileName, String contentType) {
    }

    /**
     * The file, or the part {@code headers} ask for (Range, If-None-Match are passed on): the catalog's
     * answer for 200, 206 and 304, which the caller must close.
     *
     * @throws ServiceException when the catalog is down or refuses (404 for anyone not of the clinic)
     */
    public HttpResponse<InputStream> open(String slug, UUID id, Map<String, String> headers) {
        HttpRequest.Builder request = request(ONE_MEDIA.replace("{slug}", encode(slug)).replace("{id}", id.toString()))
                .timeout(Duration.ofSeconds(30)).GET();
        headers.forEach(request::header);
        return streamed.open(Service.CATALOG, request);
    }

    /** Adds the file to {@code slug}; {@code alt} and {@code caption} may be blank. */
    public void add(String slug, Upload upload, String alt, String caption) {
        String boundary = "spinewise-" + UUID.randomUUID();
        String head = field(boundary, "alt", alt) + field(boundary, "caption", caption)
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + upload.fileName().replaceAll("[^A-Za-z0-9._ -]", "_") + "\"\r\nContent-Type: "
                + upload.contentType().replaceAll("[\r\n]", "") + "\r\n\r\n";
        HttpRequest.BodyPublisher body;
        try {
            body = HttpRequest.BodyPublishers.concat(
                    HttpRequest.BodyPublishers.ofByteArray(head.getBytes(StandardCharsets.UTF_8)),
                    HttpRequest.BodyPublishers.ofFile(upload.file()),
                    HttpRequest.BodyPublishers.ofByteArray(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new IllegalStateException("the uploaded file is gone: " + upload.file(), e);
        }
        HttpRequest.Builder request = request(MEDIA.replace("{slug}", encode(slug))).timeout(Duration.ofSeconds(120))
                .header(HttpHeaders.CONTENT_TYPE, "multipart/form-data; boundary=" + boundary).POST(body);
        closed(streamed.open(Service.CATALOG, request));
        patientLibrary.forgetMyClinic();
    }

    /** Removes a file of {@code slug}. */
    public void remove(String slug, UUID id) {
        HttpRequest.Builder request = request(ONE_MEDIA.replace("{slug}", encode(slug)).replace("{id}", id.toString()))
                .timeout(Duration.ofSeconds(10)).DELETE();
        closed(streamed.open(Service.CATALOG, request));
        patientLibrary.forgetMyClinic();
    }

    /** An answer whose body is not needed (201, 204), closed so its connection is free again. */
    private static void closed(HttpResponse<InputStream> answer) {
        try {
            answer.body().close();
        } catch (IOException e) {
            LOG.debugf("closing an answer failed: %s", e);
        }
    }

    private static String field(String boundary, String name, String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + value.strip() + "\r\n";
    }

    private HttpRequest.Builder request(String path) {
        return streamed.request(catalogUrl, path, true);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
