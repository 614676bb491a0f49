package io.spinewise.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

/**
 * A reminder mail's unsubscribe link without signing in: the confirm page and its button, and the one-click
 * POST of a mail program (RFC 8058), both passed on to plan-service, which checks the token.
 */
@QuarkusTest
@WithTestResource(TestIssuer.class)
@WithTestResource(StubServices.class)
class UnsubscribePageTest {

    private static final String TOKEN = "q8Zt3n0K4rXoW1mJ7yVb2cLd5eFg6hIi9jAk-lBm_nC";
    private static final String PAGE = "/reminders/unsubscribe/" + TOKEN;
    private static final String PLAN = "/api/reminders/unsubscribe/" + TOKEN;

    @BeforeEach
    void services() {
        StubServices.reset();
    }

    @Test
    void theLinkOpensAConfirmPageWithoutSigningInAndItsButtonTurnsMailsOff() {
        StubServices.answer("POST", PLAN, 204, null, "");
        given().redirects().follow(false).get(PAGE).then().statusCode(200)
                .body(containsString("Turn off e-mail reminders"))
                .body(containsString("action=\"/reminders/unsubscribe/" + TOKEN + "\""));
        assertThat(StubServices.requests("POST", PLAN)).isEmpty();

        given().redirects().follow(false).contentType("application/x-www-form-urlencoded").formParam("confirm", "yes")
                .post(PAGE).then().statusCode(303).header("Location", endsWith(PAGE + "?done=yes"));
        assertThat(StubServices.requests("POST", PLAN)).hasSize(1);
        given().redirects().follow(false).get(PAGE + "?done=yes").then().statusCode(200)
                .body(containsString("E-mail reminders are off."));
        StubServices.assertContractKept();
    }

    @Test
    void aMailProgramsOneClickPostTurnsMailsOffWithoutACsrfToken() {
        StubServices.answer("POST", PLAN, 204, null, "");
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("List-Unsubscribe", "One-Click").post(PAGE).then().statusCode(200)
                .body(containsString("E-mail reminders are off."));
        assertThat(StubServices.requests("POST", PLAN)).hasSize(1);
        StubServices.assertContractKept();
    }

    @Test
    void anUnknownOrMalformedLinkIsANotFound() {
        StubServices.problem("POST", PLAN, 404, "No reminder mail with this unsubscribe link.");
        given().contentType("application/x-www-form-urlencoded").formParam("List-Unsubscribe", "One-Click")
                .post(PAGE).then().statusCode(404);
        given().contentType("application/x-www-form-urlencoded").formParam("List-Unsubscribe", "One-Click")
                .post("/reminders/unsubscribe/short").then().statusCode(404);
        given().get("/reminders/unsubscribe/short").then().statusCode(200)
                .body(containsString("This link is not complete."));
    }
}
