package io.spinewise.testsupport.access;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Sends one request of the matrix to the service under test. */
@FunctionalInterface
public interface Transport {

    /** {@code token} is null for an anonymous caller. */
    Answer send(Call call, String token);

    /** Through REST Assured, to the application a {@code @QuarkusTest} started (the path is already encoded). */
    static Transport restAssured() {
        return (call, token) -> {
            RequestSpecification request = given().urlEncodingEnabled(false).headers(call.headers());
            if (token != null) {
                request.auth().oauth2(token);
            }
            if (call.body() != null) {
                request.contentType(call.contentType()).body(call.bodyBytes());
            }
            Response response = request.request(call.method(), call.path());
            return new Answer(response.statusCode(), response.contentType(), response.asString(), response.header("Location"));
        };
    }

    /**
     * A concrete request: the path is filled and carries its query string, the body is JSON or null;
     * or, with another {@code contentType} (a multipart upload), its bytes as ISO-8859-1 characters.
     */
    record Call(ApiOperation operation, String method, String path, Map<String, String> headers, String body,
                String contentType) {

        static final String JSON = "application/json";

        Call(ApiOperation operation, String method, String path, Map<String, String> headers, String body) {
            this(operation, method, path, headers, body, JSON);
        }

        /** The body as sent: JSON in UTF-8, anything else byte for byte. */
        byte[] bodyBytes() {
            return body.getBytes(JSON.equals(contentType) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        }
    }

    /** What came back: status, Content-Type (or ""), body text, Location (or null). */
    record Answer(int status, String contentType, String body, String location) {

        boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }
    }
}
