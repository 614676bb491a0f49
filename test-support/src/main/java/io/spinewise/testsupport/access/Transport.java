package io.spinewise.testsupport.access;

import java.util.Map;

/** Sends one request of the matrix to the service under test (REST Assured in the services' tests). */
@FunctionalInterface
public interface Transport {

    /** {@code token} is null for an anonymous caller. */
    Answer send(Call call, String token);

    /** A concrete request: the path is filled and carries its query string, the body is JSON or null. */
    record Call(ApiOperation operation, String method, String path, Map<String, String> headers, String body) {
    }

    /** What came back: status, Content-Type (or ""), body text, Location (or null). */
    record Answer(int status, String contentType, String body, String location) {

        boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }
    }
}
