package io.spinewise.testsupport.access;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A multipart/form-data body from the matrix's request data ({@code "multipart": {"alt": "text",
 * "file": {"fileName": "p.png", "contentType": "image/png", "base64": "..."}}}), built whole so it is
 * sent with a Content-Length; returned as ISO-8859-1 characters, one per byte (see {@link Transport.Call}).
 */
final class MultipartForm {

    static final String BOUNDARY = "spinewise-matrix-boundary";
    static final String CONTENT_TYPE = "multipart/form-data; boundary=" + BOUNDARY;

    private MultipartForm() {
    }

    static String of(JsonNode fields) {
        StringBuilder body = new StringBuilder();
        fields.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            body.append("--").append(BOUNDARY).append("\r\n");
            if (value.isObject()) {
                body.append("Content-Disposition: form-data; name=\"").append(field.getKey()).append("\"; filename=\"")
                        .append(value.path("fileName").asText()).append("\"\r\nContent-Type: ")
                        .append(value.path("contentType").asText()).append("\r\n\r\n")
                        .append(new String(Base64.getDecoder().decode(value.path("base64").asText()), StandardCharsets.ISO_8859_1));
            } else {
                body.append("Content-Disposition: form-data; name=\"").append(field.getKey()).append("\"\r\n\r\n")
                        .append(new String(value.asText().getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
            }
            body.append("\r\n");
        });
        return body.append("--").append(BOUNDARY).append("--\r\n").toString();
    }
}
