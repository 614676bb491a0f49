package io.spinewise.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * The patient's Today page through the BFF: cards built from the plan and the library, the
 * check-off posted to plan-service with the user's token and the page's Idempotency-Key,
 * service refusals and outages shown as words. Services are the stub ({@link StubServices}).
 */
@QuarkusTest
@WithTestResource(TestIssuer.class)
@WithTestResource(StubServices.class)
class TodayRoutineTest {

    @BeforeEach
    void services() {
        StubServices.reset();
        StubServices.json("GET", "/api/me/today", Fixtures.today(false));
        StubServices.json("GET", "/api/exercises", Fixtures.exercisesBySlug(Fixtures.WALL_EXTENSION, Fixtures.CAT_COW));
    }

    @Test
    void todayShowsEachExerciseWithStepsDosageEquipmentAndCautions() {
        String token = Users.patient();
        String html = given().auth().oauth2(token).when().get("/today").then().statusCode(200).extract().asString();

        assertThat(html).contains("Thoracic extension at the wall", "2 × 30 s hold", "Squeeze your shoulder blades together.",
                "Standing at wall", "Door frame", "Stop if you feel tingling in the arms.", "Breathe out as you lean in",
                "data-seconds=\"30\"", "data-target=\"24\"", "name=\"idempotencyKey\"", "name=\"painBefore\"");
        assertThat(StubServices.requests("GET", "/api/me/today")).singleElement()
                .satisfies(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + token));
    }

    @Test
    void eachCardShowsTheStartAndEndPicturesWithTheirTextAlternatives() {
        String html = given().auth().oauth2(Users.patient()).when().get("/today").then().statusCode(200)
                .extract().asString();

        assertThat(html).containsPattern("<img src=\"/img/exercises/cat-cow-start\\.svg\\?v=[0-9a-f]{12}\" "
                        + "alt=\"Cat: back rounded up, head down\\.\"")
                .contains("src=\"/img/exercises/cat-cow-end.svg?v=", "alt=\"Cow: stomach sagging, head lifted.\"",
                        "src=\"/img/exercises/thoracic-wall-extension-start.svg?v=", "<figcaption>Start</figcaption>",
                        "<figcaption>End</figcaption>");
    }

    @Test
    void aPictureOnAnotherSiteOrWithoutATextAlternativeIsNotShown() {
        StubServices.json("GET", "/api/exercises", Fixtures.exercisesBySlug(Fixtures.WALL_EXTENSION,
                Fixtures.CAT_COW.replace("/img/exercises/cat-cow-start.svg", "//tracker.example/pixel.svg")
                        .replace("Cow: stomach sagging, head lifted.", " ")));

        String html = given().auth().oauth2(Users.patient()).when().get("/today").then().statusCode(200)
                .extract().asString();

        assertThat(html).contains("thoracic-wall-extension-start.svg")
                .doesNotContain("tracker.example", "cat-cow-end.svg", "Cat: back rounded up");
    }

    @Test
    void todayAsksTheLibraryForAllItsExercisesInOneRequest() {
        String token = Users.patient();
        given().auth().oauth2(token).when().get("/today").then().statusCode(200);

        assertThat(StubServices.requests("GET", "/api/exercises")).singleElement().satisfies(r -> {
            assertThat(r.query()).isEqualTo("slug=thoracic-wall-extension&slug=cat-cow");
            assertThat(r.header("Authorization")).isEqualTo("Bearer " + token);
        });
        assertThat(StubServices.requests()).noneMatch(r -> r.path().startsWith("/api/exercises/"));
    }

    @Test
    void anExerciseTheLibraryLeavesOutKeepsItsPrescriptionCard() {
        StubServices.json("GET", "/api/exercises", Fixtures.exercisesBySlug(Fixtures.CAT_COW));

        String html = given().auth().oauth2(Users.patient()).when().get("/today").then().statusCode(200)
                .extract().asString();

        assertThat(html).contains("Thoracic extension at the wall", "2 × 30 s hold", "Breathe out as you lean in",
                "Round up like a cat.").doesNotContain("Squeeze your shoulder blades together.",
                "exercise library cannot be reached");
    }

    @Test
    void checkOffGoesToPlanServiceWithTheIdempotencyKeyOfThePage() {
        StubServices.json("POST", "/api/me/sessions", 201, Fixtures.checkOff());
        String token = Users.patient();
        Pages.Form page = Pages.get(token, "/today");
        String key = page.hidden("idempotencyKey");

        given().auth().oauth2(token).redirects().follow(false)
                .cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", page.csrfToken())
                .formParam("planId", Fixtures.PLAN_ID).formParam("date", "2026-11-23").formParam("slot", "1")
                .formParam("idempotencyKey", key)
                .formParam("exercise", "thoracic-wall-extension").formParam("exercise", "cat-cow")
                .formParam("done", "thoracic-wall-extension")
                .formParam("seconds.thoracic-wall-extension", "31")
                .formParam("painBefore", "6").formParam("painAfter", "3").formParam("difficulty", "2")
                .formParam("note", "Felt looser")
                .when().post("/today/sessions")
                .then().statusCode(303).header("Location", containsString("/today"));

        List<StubServices.Recorded> posts = StubServices.requests("POST", "/api/me/sessions");
        assertThat(posts).singleElement().satisfies(post -> {
            assertThat(key).isNotBlank();
            assertThat(post.header("Idempotency-Key")).isEqualTo(key);
            assertThat(post.header("Authorization")).isEqualTo("Bearer " + token);
            assertThat(post.body()).contains("\"planId\":\"" + Fixtures.PLAN_ID + "\"", "\"date\":\"2026-11-23\"",
                    "\"slot\":1", "{\"exercise\":\"thoracic-wall-extension\",\"done\":true,\"seconds\":31}",
                    "{\"exercise\":\"cat-cow\",\"done\":false}", "\"painBefore\":6", "\"painAfter\":3",
                    "\"difficulty\":2", "\"note\":\"Felt looser\"");
        });
    }

    @Test
    void aCheckOffWithAnUnreadableDateIsRefusedInWordsNotSent() {
        String token = Users.patient();
        Pages.Form page = Pages.get(token, "/today");
        assertThat(page.response().asString()).contains("Mon 23 Nov 2026", "name=\"date\" value=\"2026-11-23\"");

        given().auth().oauth2(token).redirects().follow(false)
                .cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", page.csrfToken())
                .formParam("planId", Fixtures.PLAN_ID).formParam("date", "23/11/2026").formParam("slot", "1")
                .formParam("idempotencyKey", page.hidden("idempotencyKey"))
                .formParam("exercise", "cat-cow").formParam("done", "cat-cow")
                .when().post("/today/sessions")
                .then().statusCode(400)
                .body(containsString("This form is out of date. Reload the page and try again."))
                .body(not(containsString("Exception")));
        assertThat(StubServices.requests("POST", "/api/me/sessions")).isEmpty();
    }

    @Test
    void htmxCheckOffAnswersWithThePlanSectionOnly() {
        StubServices.json("POST", "/api/me/sessions", 201, Fixtures.checkOff());
        String token = Users.patient();
        Pages.Form page = Pages.get(token, "/today");
        StubServices.json("GET", "/api/me/today", Fixtures.today(true));

        String fragment = given().auth().oauth2(token).header("HX-Request", "true")
                .header("X-CSRF-TOKEN", page.csrfToken()).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("planId", Fixtures.PLAN_ID).formParam("date", "2026-11-23").formParam("slot", "1")
                .formParam("idempotencyKey", page.hidden("idempotencyKey"))
                .formParam("exercise", "cat-cow").formParam("done", "cat-cow")
                .when().post("/today/sessions")
                .then().statusCode(200).extract().asString();

        assertThat(fragment).doesNotContain("<html").contains("Session saved", "Session 1 done", "Undo",
                "Round up like a cat.");
        // one batch for the page, one for the refreshed section
        assertThat(StubServices.requests("GET", "/api/exercises")).hasSize(2);
    }

    @Test
    void aRefusalFromPlanServiceIsShownInWordsAndTheAnswersAreKept() {
        StubServices.problem("POST", "/api/me/sessions", 422, "This day is more than 7 days ago & cannot be logged.");
        RefusedCheckOff refused = postCheckOffWithANote();
        refused.answer().then().statusCode(400)
                .body(containsString("This day is more than 7 days ago &amp; cannot be logged."));
        refused.assertAnswersKept();
    }

    @Test
    void aCheckOffOverThePatientsAllowanceSaysWhenToTryAgainAndKeepsTheAnswers() {
        StubServices.problem("POST", "/api/me/sessions", 429,
                "Too many writes: at most 600 a minute per user. Try again in 1 s.");
        RefusedCheckOff refused = postCheckOffWithANote();
        refused.answer().then().statusCode(429)
                .body(containsString("Too many writes: at most 600 a minute per user. Try again in 1 s."))
                .body(containsString("press Save again"));
        refused.assertAnswersKept();
    }

    @Test
    void withTheLibraryDownTheRoutineCanStillBeCheckedOff() {
        StubServices.problem("GET", "/api/exercises", 503, "catalog database gone");

        given().auth().oauth2(Users.patient()).when().get("/today")
                .then().statusCode(200)
                .body(containsString("exercise library cannot be reached"))
                .body(containsString("Thoracic extension at the wall"))
                .body(containsString("2 × 30 s hold"))
                .body(containsString("Save session"))
                .body(not(containsString("catalog database gone")));
        assertThat(StubServices.requests("GET", "/api/exercises")).hasSize(1);
    }

    @Test
    void aLibraryRefusalLeavesThePrescriptionCardsWithoutCallingTheLibraryDown() {
        StubServices.problem("GET", "/api/exercises", 400, "slug: at most 100 per request");

        given().auth().oauth2(Users.patient()).when().get("/today")
                .then().statusCode(200)
                .body(containsString("Thoracic extension at the wall"))
                .body(containsString("Save session"))
                .body(not(containsString("exercise library cannot be reached")))
                .body(not(containsString("at most 100")));
    }

    @Test
    void planServiceDownGivesAFriendlyPage() {
        StubServices.problem("GET", "/api/me/today", 503, "database gone");

        given().auth().oauth2(Users.patient()).when().get("/today")
                .then().statusCode(503)
                .body(containsString("Temporarily unavailable"))
                .body(containsString("plans and progress"))
                .body(not(containsString("database gone")))
                .body(not(containsString("Exception")));
    }

    @Test
    void aChiropractorIsRefusedThePatientsOwnPages() {
        given().auth().oauth2(Users.chiropractor()).when().get("/today").then().statusCode(403)
                .body(not(containsString("Exception")));
    }

    @Test
    void theOutboxsCheckOffGoesWithItsPerformedAtAndGetsAVerdictNotAPage() {
        StubServices.json("POST", "/api/me/sessions", 201, Fixtures.checkOff());
        String token = Users.patient();
        Pages.Form page = Pages.get(token, "/today");
        String key = page.hidden("idempotencyKey");

        outboxPost(token, page, key, "2026-11-23T07:55:00.000Z").then().statusCode(204)
                .header("Spinewise-Outbox", "sent");

        assertThat(StubServices.requests("POST", "/api/me/sessions")).singleElement().satisfies(post -> {
            assertThat(post.header("Idempotency-Key")).isEqualTo(key);
            assertThat(post.body()).contains("\"date\":\"2026-11-23\"", "\"performedAt\":\"2026-11-23T07:55:00Z\"");
        });
    }

    @Test
    void anOutboxEntryWithAnUnreadablePerformedAtIsRefusedNotSent() {
        String token = Users.patient();
        Pages.Form page = Pages.get(token, "/today");

        outboxPost(token, page, page.hidden("idempotencyKey"), "yesterday 21:00").then().statusCode(400)
                .header("Spinewise-Outbox", "refused").contentType(containsString("text/plain"))
                .body(equalTo("This form is out of date. Reload the page and try again."));
        assertThat(StubServices.requests("POST", "/api/me/sessions")).isEmpty();
    }

    @Test
    void planServicesRefusalRemovesTheOutboxEntryAndAnOutageKeepsIt() {
        String token = Users.patient();
        Pages.Form page = Pages.get(token, "/today");
        StubServices.problem("POST", "/api/me/sessions", 400, "performedAt is too far back: sessions can be logged up to 7 days late");
        outboxPost(token, page, page.hidden("idempotencyKey"), "2026-11-10T07:55:00Z").then().statusCode(400)
                .header("Spinewise-Outbox", "refused").body(containsString("7 days late"));
        StubServices.problem("POST", "/api/me/sessions", 503, "down");
        outboxPost(token, page, page.hidden("idempotencyKey"), "2026-11-23T07:55:00Z").then().statusCode(503)
                .header("Spinewise-Outbox", "later");
        StubServices.problem("POST", "/api/me/sessions", 429, "Too many writes");
        outboxPost(token, page, page.hidden("idempotencyKey"), "2026-11-23T07:55:00Z").then().statusCode(429)
                .header("Spinewise-Outbox", "later");
    }

    @Test
    void anOutboxPostWithoutAValidCsrfTokenGetsNoVerdictSoTheEntryIsKept() {
        String token = Users.patient();
        Pages.Form page = Pages.get(token, "/today");
        given().auth().oauth2(token).header("Spinewise-Outbox", "1").header("X-CSRF-TOKEN", "stale" + page.csrfToken())
                .cookie("csrf-token", page.csrfCookie()).contentType("application/x-www-form-urlencoded")
                .formParam("planId", Fixtures.PLAN_ID).formParam("date", "2026-11-23").formParam("slot", "1")
                .formParam("idempotencyKey", page.hidden("idempotencyKey"))
                .formParam("exercise", "cat-cow").formParam("done", "cat-cow")
                .when().post("/today/sessions")
                .then().statusCode(400).header("Spinewise-Outbox", nullValue());
        assertThat(StubServices.requests("POST", "/api/me/sessions")).isEmpty();
    }

    @Test
    void theTodayPageCarriesTheOutboxWordsAndMayBeKeptByTheServiceWorkerOnly() {
        given().auth().oauth2(Users.patient()).when().get("/today").then().statusCode(200)
                .header("Cache-Control", equalTo("private, no-cache"))
                .body(containsString("data-saved=\"Saved on this phone: it will be sent when you are back online.\""))
                .body(containsString("data-signin=\"Saved on this phone. Sign in again to send it.\""));
        given().auth().oauth2(Users.chiropractor()).when().get("/today").then().statusCode(403)
                .header("Cache-Control", equalTo("no-store"));
    }

    /** A check-off as the phone's outbox sends it (outbox.js): the page's fields, performedAt, the header. */
    private static Response outboxPost(String token, Pages.Form page, String key, String performedAt) {
        return given().auth().oauth2(token).header("Spinewise-Outbox", "1").header("X-Requested-With", "JavaScript")
                .header("X-CSRF-TOKEN", page.csrfToken()).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded").redirects().follow(false)
                .formParam("planId", Fixtures.PLAN_ID).formParam("date", "2026-11-23").formParam("slot", "1")
                .formParam("idempotencyKey", key).formParam("exercise", "cat-cow").formParam("done", "cat-cow")
                .formParam("performedAt", performedAt)
                .when().post("/today/sessions");
    }

    /** A check-off sent from today's page with a note, which plan-service (stubbed) refuses. */
    private record RefusedCheckOff(Response answer, String idempotencyKey) {

        /** The page comes back with the patient's answers and the same key, so that Save can be pressed again. */
        void assertAnswersKept() {
            answer.then().body(containsString("kept note"))
                    .body(containsString("name=\"painBefore\" value=\"6\" checked"))
                    .body(containsString("value=\"" + idempotencyKey + "\""))
                    .body(not(containsString("Exception")));
        }
    }

    private static RefusedCheckOff postCheckOffWithANote() {
        String token = Users.patient();
        Pages.Form page = Pages.get(token, "/today");
        String key = page.hidden("idempotencyKey");
        Response answer = given().auth().oauth2(token).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", page.csrfToken())
                .formParam("planId", Fixtures.PLAN_ID).formParam("date", "2026-11-23").formParam("slot", "1")
                .formParam("idempotencyKey", key)
                .formParam("exercise", "cat-cow").formParam("done", "cat-cow").formParam("note", "kept note")
                .formParam("painBefore", "6")
                .when().post("/today/sessions");
        return new RefusedCheckOff(answer, key);
    }
}
