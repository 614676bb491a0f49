package io.spinewise.plan;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spinewise.common.security.Roles;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.spinewise.plan.Users.NORTH;
import static io.spinewise.plan.Users.SOUTH;
import static io.spinewise.plan.Users.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token verified once is remembered (plan-service's {@code rest/VerifiedTokens}), and that must never let
 * through what verification would refuse: a token after its expiry, a token whose signature was changed, or one
 * caller's identity on another caller's call.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = CatalogServiceResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class VerifiedTokensTest {

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() throws InterruptedException {
        // the first call of a test run may take seconds on a busy machine: not with the short-lived token
        as(TestIssuer.token(Roles.CHIROPRACTOR, NORTH)).get("/api/patients").then().statusCode(200);
        Instant expiresAt = Instant.now().plus(Duration.ofSeconds(6));
        String token = TestIssuer.tokenExpiringAt(expiresAt, Roles.CHIROPRACTOR, NORTH);
        as(token).get("/api/patients").then().statusCode(200);
        as(token).get("/api/patients").then().statusCode(200);

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiresAt).toMillis()) + 1100);
        as(token).get("/api/patients").then().statusCode(401);
        as(token).get("/api/patients").then().statusCode(401);
    }

    @Test
    void aRememberedTokenWithAnotherSignatureIsRefused() {
        String token = TestIssuer.token(Roles.CHIROPRACTOR, NORTH);
        as(token).get("/api/patients").then().statusCode(200);

        int signature = token.lastIndexOf('.') + 1;
        char first = token.charAt(signature);
        String forged = token.substring(0, signature) + (first == 'A' ? 'B' : 'A') + token.substring(signature + 1);
        as(forged).get("/api/patients").then().statusCode(401);
        as(token.substring(0, signature)).get("/api/patients").then().statusCode(401);
        as(token).get("/api/patients").then().statusCode(200);
    }

    @Test
    void eachCallIsAnsweredAsItsOwnCaller() {
        String paula = TestIssuer.token(Roles.PATIENT, NORTH);
        String sven = TestIssuer.token(Roles.PATIENT, SOUTH);
        String chiropractor = TestIssuer.token(Roles.CHIROPRACTOR, NORTH);
        String paulasRecord = as(paula).get("/api/me").then().statusCode(200).extract().path("id");
        String svensRecord = as(sven).get("/api/me").then().statusCode(200).extract().path("id");
        assertThat(paulasRecord).isNotEqualTo(svensRecord);
        for (int round = 0; round < 3; round++) {
            assertThat(as(paula).get("/api/me").then().statusCode(200).extract().<String>path("id")).isEqualTo(paulasRecord);
            assertThat(as(sven).get("/api/me").then().statusCode(200).extract().<String>path("id")).isEqualTo(svensRecord);
            as(chiropractor).get("/api/me").then().statusCode(403);
        }
    }
}
