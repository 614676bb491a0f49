package io.spinewise.web.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Files from plan-service (CSV report, PDF, own-data export, FHIR record and bulk files) passed through to the browser as
 * a stream: the first bytes reach the browser while the service is still writing, and a large
 * report never sits in the web-ui's memory. The user's access token goes along as for every call.
 */
@ApplicationScoped
public class Downloads {

    /** plan-service's files, as path templates of its OpenAPI document (RestClientContractTest checks them). */
    public static final String ADHERENCE_CSV = "/api/reports/adherence.csv";
    public static final String RTM_CSV = "/api/reports/rtm.csv";
    public static final String PATIENT_PDF = "/api/reports/patients/{id}.pdf";
    public static final String MY_EXPORT = "/api/me/export";
    public static final String PATIENT_FHIR = "/api/patients/{id}/fhir";
    public static final String MY_FHIR = "/api/me/fhir";
    public static final String FHIR_EXPORT = "/api/fhir/export/{type}.ndjson";

    @Inject
    StreamedCalls streamed;

    @ConfigProperty(name = "quarkus.rest-client.plan.url")
    String planUrl;

    /** How long to wait for the service to start answering (the body itself may take longer). */
    @ConfigProperty(name = "spinewise.web.download-start-timeout", defaultValue = "PT30S")
    Duration startTimeout;

    /**
     * Streams {@code pathAndQuery} of plan-service as an attachment named {@code fileName}.
     *
     * @throws ServiceException when the service is down or refuses (before anything was sent)
     */
    public Response planFile(String pathAndQuery, String fileName) {
        HttpResponse<InputStream> answer = open(pathAndQuery);
        String type = answer.headers().firstValue(HttpHeaders.CONTENT_TYPE).orElse("application/octet-stream");
        StreamingOutput body = out -> {
            try (InputStream in = answer.body()) {
                in.transferTo(out);
            }
        };
        return Response.ok(body)
                .header(HttpHeaders.CONTENT_TYPE, type)
                .header("Content-Disposition", "attachment; filename=\"" + fileName.replaceAll("[^A-Za-z0-9._-]", "_") + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    /**
     * Opens {@code pathAndQuery} of plan-service as a stream the caller must close.
     *
     * @throws ServiceException when the service is down or refuses
     */
    public HttpResponse<InputStream> open(String pathAndQuery) {
        return open(pathAndQuery, true);
    }

    /**
     * Opens {@code pathAndQuery} of plan-service as a stream the caller must close, with the signed-in user's
     * access token when {@code asUser} (else none: an open endpoint such as the calendar feed).
     *
     * @throws ServiceException when the service is down or refuses
     */
    public HttpResponse<InputStream> open(String pathAndQuery, boolean asUser) {
        return streamed.open(Service.PLAN, streamed.request(planUrl, pathAndQuery, asUser).timeout(startTimeout).GET());
    }
}
