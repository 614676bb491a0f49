package io.spinewise.plan;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.spinewise.plan.Fixtures.EnrolledPatient;
import static io.spinewise.plan.Fixtures.fromRoutine;
import static io.spinewise.plan.Fixtures.schedule;
import static io.spinewise.plan.Users.NORTH;
import static io.spinewise.plan.Users.NORTH_CHIRO;
import static io.spinewise.plan.Users.PROBLEM_JSON;
import static io.spinewise.plan.Users.anonymous;
import static io.spinewise.plan.Users.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/**
 * The patient's calendar feed over HTTP: turned on with a link shown once, read without a login and
 * parsed by biweekly against the schedule, stable across fetches, dead after a new link or turning off,
 * never another patient's sessions, a paused plan's days absent.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = CatalogServiceResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class CalendarFeedTest {

    private static final String FEED = "/api/me/calendar-feed";

    @Test
    void theFeedListsEachScheduledSessionFromAWeekBackToEightWeeksAheadAtTheChosenTime() {
        EnrolledPatient zoe = Fixtures.enrol(NORTH_CHIRO, NORTH, "Zoe", "Europe/Zurich");
        String plan = Fixtures.prescribe(NORTH_CHIRO, zoe.id(), fromRoutine("mid-back-relief",
                schedule(zoe.today(), 2)));
        as(zoe.token()).get(FEED).then().statusCode(200).body("on", is(false))
                .body("startsAt", is("18:00"));

        Response on = as(zoe.token()).body(Map.of("startsAt", "07:30")).put(FEED);
        on.then().statusCode(200).body("on", is(true));
        String path = on.path("feedPath");
        assertThat(path).matches("/api/calendar/[A-Za-z0-9_-]{43}\\.ics");
        as(zoe.token()).get(FEED).then().statusCode(200).body("on", is(true))
                .body("startsAt", is("07:30")).body("$", not(
                        hasKey("token")));

        Response first = anonymous().get(path);
        first.then().statusCode(200).contentType("text/calendar");
        assertThat(first.contentType()).containsIgnoringCase("charset=utf-8");
        ICalendar calendar = Biweekly.parse(first.asString()).first();
        LocalDate today = zoe.today();
        List<Instant> expected = today.datesUntil(today.plusDays(57))
                .flatMap(d -> Stream.of(d.atTime(7, 30), d.atTime(10, 30)))
                .map(t -> t.atZone(zoe.zone()).toInstant()).toList();
        assertThat(calendar.getEvents()).extracting(e -> e.getDateStart().getValue().toInstant())
                .containsExactlyElementsOf(expected);
        assertThat(first.asString()).doesNotContain(plan, "Zoe", "mid-back", "Mid-back")
                .contains("SUMMARY:Spinewise: home exercises");

        List<String> uids = calendar.getEvents().stream().map(e -> e.getUid().getValue()).toList();
        List<String> again = Biweekly.parse(anonymous().get(path).asString()).first().getEvents().stream()
                .map(e -> e.getUid().getValue()).toList();
        assertThat(uids).doesNotHaveDuplicates().isEqualTo(again);
    }

    @Test
    void aNewLinkKillsTheOldOneAndTurningOffKillsBoth() {
        EnrolledPatient rita = Fixtures.enrol(NORTH_CHIRO, NORTH, "Rita", "Europe/Berlin");
        String old = as(rita.token()).body(Map.of()).put(FEED).then().statusCode(200).extract().path("feedPath");
        anonymous().get(old).then().statusCode(200);

        String rotated = as(rita.token()).body(Map.of()).put(FEED).then().statusCode(200).extract().path("feedPath");
        assertThat(rotated).isNotEqualTo(old);
        anonymous().get(old).then().statusCode(404).contentType(PROBLEM_JSON);
        anonymous().get(rotated).then().statusCode(200);

        as(rita.token()).delete(FEED).then().statusCode(200).body("on", is(false));
        anonymous().get(rotated).then().statusCode(404).contentType(PROBLEM_JSON);
        anonymous().get("/api/calendar/not-a-token.ics").then().statusCode(404).contentType(PROBLEM_JSON);
        anonymous().get("/api/calendar/" + "A".repeat(43) + ".ics").then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void anotherPatientsLinkNeverShowsThisPatientsSessions() {
        EnrolledPatient ann = Fixtures.enrol(NORTH_CHIRO, NORTH, "Ann", "Europe/Berlin");
        EnrolledPatient ben = Fixtures.enrol(NORTH_CHIRO, NORTH, "Ben", "Europe/Berlin");
        Fixtures.dailyPlan(NORTH_CHIRO, ann);
        String annsFeed = as(ann.token()).body(Map.of()).put(FEED).then().statusCode(200).extract().path("feedPath");
        String bensFeed = as(ben.token()).body(Map.of()).put(FEED).then().statusCode(200).extract().path("feedPath");

        assertThat(Biweekly.parse(anonymous().get(annsFeed).asString()).first().getEvents()).hasSize(57);
        assertThat(Biweekly.parse(anonymous().get(bensFeed).asString()).first().getEvents()).isEmpty();
    }

    @Test
    void aPausedPlansDaysAreNotInTheFeed() {
        EnrolledPatient pia = Fixtures.enrol(NORTH_CHIRO, NORTH, "Pia", "Europe/Berlin");
        Fixtures.dailyPlan(NORTH_CHIRO, pia);
        String paused = Fixtures.prescribe(NORTH_CHIRO, pia.id(), fromRoutine("mid-back-relief",
                schedule(pia.today(), 3)));
        as(NORTH_CHIRO).body(Map.of("status", "PAUSED")).patch("/api/plans/" + paused).then().statusCode(200);
        String feed = as(pia.token()).body(Map.of()).put(FEED).then().statusCode(200).extract().path("feedPath");

        List<VEvent> events = Biweekly.parse(anonymous().get(feed).asString()).first().getEvents();
        assertThat(events).hasSize(57).allSatisfy(e -> assertThat(e.getDescription().getValue()).startsWith("Session 1 "));
    }

    @Test
    void aTimeThatIsNotHhMmIsRefusedAndStaffHaveNoFeed() {
        EnrolledPatient tom = Fixtures.enrol(NORTH_CHIRO, NORTH, "Tom", "Europe/Berlin");
        as(tom.token()).body(Map.of("startsAt", "25:00")).put(FEED).then().statusCode(400).contentType(PROBLEM_JSON)
                .body(containsString("startsAt"));
        as(NORTH_CHIRO).get(FEED).then().statusCode(403);
        anonymous().get(FEED).then().statusCode(401);
    }
}
