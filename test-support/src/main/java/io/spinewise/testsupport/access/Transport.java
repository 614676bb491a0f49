package io.spinewise.testsupport.access;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

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
                request.contentType("application/json").body(call.body());
            }
            Response response = request.request(call.method(), call.path());
            return new Answer(response.statusCode(), response.contentType(), response.asString(), response.header("Location"));
        };
    }

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
