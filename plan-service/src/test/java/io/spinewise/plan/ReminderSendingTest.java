package io.spinewise.plan;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.spinewise.plan.data.Reminders;
import io.spinewise.plan.service.ReminderPlanner;
import io.spinewise.plan.service.ReminderSender;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestIssuer;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.spinewise.plan.Fixtures.EnrolledPatient;
import static io.spinewise.plan.Fixtures.fromRoutine;
import static io.spinewise.plan.Fixtures.schedule;
import static io.spinewise.plan.ReminderPreferencesTest.choice;
import static io.spinewise.plan.Users.NORTH;
import static io.spinewise.plan.Users.NORTH_CHIRO;
import static io.spinewise.plan.Users.PROBLEM_JSON;
import static io.spinewise.plan.Users.anonymous;
import static io.spinewise.plan.Users.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

/**
 * Reminders planned and sent through a real SMTP server (GreenMail), the mails read back: one mail per open
 * session slot in the patient's language with a one-click unsubscribe, none after a check-off, on a rest day,
 * for a paused plan, before the time or in quiet hours.
 */
@QuarkusTest
@TestProfile(ReminderSendingTest.RetryAtOnce.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = CatalogServiceResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = SmtpServerResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ReminderSendingTest {

    /**
     * A send the SMTP server refused is tried again at once here (5 minutes later in production), so a sender's
     * loop takes a reminder through all its attempts: a transient refusal on a loaded machine cannot leave a
     * reminder pending mid-test, and the failure test reads the outcome without waiting. (WebPushTest keeps the
     * production delay: it checks that a busy push service is tried again later.)
     */
    public static class RetryAtOnce implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("spinewise.reminders.retry-after", "0s");
        }
    }

    static final String MINE = "/api/me/reminders";
    static final String SENT = "/api/me/reminders/sent";

    @Inject
    ReminderPlanner planner;

    @Inject
    ReminderSender sender;

    @Inject
    Reminders reminders;

    @Test
    void anOpenSessionGetsOneMailInThePatientsLanguageWithALinkToTodayAndAOneClickUnsubscribe() throws Exception {
        EnrolledPatient uwe = remindedDaily("Uwe", "11:00");
        as(uwe.token()).body(Map.of("language", "de")).patch("/api/me").then().statusCode(200);

        planner.planDue();
        planner.planDue();
        sender.sendDue();
        sender.sendDue();

        List<MimeMessage> mails = mailsTo(uwe);
        assertThat(mails).hasSize(1);
        MimeMessage mail = mails.get(0);
        String reminderId = as(uwe.token()).get(SENT).then().statusCode(200).body("total", is(1))
                .body("items[0].status", is("SENT")).body("items[0].slot", is(1)).extract().path("items[0].id");
        assertThat(mail.getHeader("Message-ID", null)).isEqualTo("<reminder-" + reminderId
                + "@reminders.spinewise.invalid>");
        assertThat(mail.getSubject()).isEqualTo("Zeit für Ihre Übungen");
        String body = Mails.text(mail);
        assertThat(body).contains("Hallo Uwe", "http://localhost:8080/today", "E-Mail-Erinnerungen ausschalten")
                .doesNotContainIgnoringCase("mid-back").doesNotContain("cat-cow", "pain", "Schmerz");
        String unsubscribe = mail.getHeader("List-Unsubscribe", null);
        assertThat(unsubscribe).matches("<http://localhost:8080/reminders/unsubscribe/[A-Za-z0-9_-]{43}>");
        assertThat(mail.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        as(NORTH_CHIRO).get("/api/patients/" + uwe.id() + "/reminders").then().statusCode(200)
                .body("total", is(1)).body("items[0].status", is("SENT"));

        String token = unsubscribe.substring(unsubscribe.lastIndexOf('/') + 1, unsubscribe.length() - 1);
        anonymous().post("/api/reminders/unsubscribe/" + token).then().statusCode(204);
        anonymous().post("/api/reminders/unsubscribe/" + token).then().statusCode(204);
        as(uwe.token()).get(MINE).then().statusCode(200).body("channels", empty()).body("chosen", is(true))
                .body("remindAt", is("11:00"));
        anonymous().post("/api/reminders/unsubscribe/" + "B".repeat(43)).then().statusCode(404)
                .contentType(PROBLEM_JSON);
        anonymous().post("/api/reminders/unsubscribe/short").then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void aReminderPlannedButCheckedOffBeforeSendingIsSkippedNotSent() throws Exception {
        EnrolledPatient kim = remindedDaily("Kim", "11:00");
        planner.planDue();
        String plan = as(kim.token()).get(SENT).then().statusCode(200).body("total", is(1))
                .body("items[0].status", is("PENDING")).extract().path("items[0].planId");
        as(kim.token()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Fixtures.checkOff(plan, kim.today(), 1)).post("/api/me/sessions").then().statusCode(201);

        sender.sendDue();

        assertThat(mailsTo(kim)).isEmpty();
        as(kim.token()).get(SENT).then().statusCode(200).body("items[0].status", is("SKIPPED"))
                .body("items[0].detail", is("checked off"));
    }

    @Test
    void nothingIsPlannedOnARestDayForAPausedPlanBeforeTheTimeOrInQuietHours() throws Exception {
        EnrolledPatient rest = patient("Rest", "11:00", null, null);
        DayOfWeek today = rest.today().getDayOfWeek();
        DayOfWeek[] otherDays = Arrays.stream(DayOfWeek.values()).filter(d -> d != today).toArray(DayOfWeek[]::new);
        Fixtures.prescribe(NORTH_CHIRO, rest.id(), fromRoutine("mid-back-relief",
                schedule(rest.today().minusDays(7), 1, otherDays)));

        EnrolledPatient paused = remindedDaily("Paused", "11:00");
        String plan = as(paused.token()).get("/api/me/plans").then().extract().path("[0].id");
        as(NORTH_CHIRO).body(Map.of("status", "PAUSED")).patch("/api/plans/" + plan).then().statusCode(200);

        EnrolledPatient later = remindedDaily("Later", "20:00");
        EnrolledPatient quiet = patient("Quiet", "11:00", "10:30", "11:30");
        Fixtures.dailyPlan(NORTH_CHIRO, quiet);
        EnrolledPatient night = patient("Night", "11:00", "22:00", "11:30");
        Fixtures.dailyPlan(NORTH_CHIRO, night);

        planner.planDue();
        sender.sendDue();

        for (EnrolledPatient p : List.of(rest, paused, later, quiet, night)) {
            as(p.token()).get(SENT).then().statusCode(200).body("total", is(0));
            assertThat(mailsTo(p)).isEmpty();
        }
    }

    @Test
    void aPatientWithoutAnEmailAddressGetsNoMail() throws Exception {
        String token = TestIssuer.token(UUID.randomUUID().toString(), "patient", NORTH);
        String id = as(token).body(Map.of("timeZone", Noon.zone())).patch("/api/me").then().statusCode(200)
                .extract().path("id");
        as(token).body(choice(List.of("EMAIL"), "11:00", null, null)).put(MINE).then().statusCode(200)
                .body("emailAvailable", is(false));
        Fixtures.prescribe(NORTH_CHIRO, id, fromRoutine("mid-back-relief",
                schedule(LocalDate.now(ZoneId.of(Noon.zone())), 1)));

        planner.planDue();

        as(token).get(SENT).then().statusCode(200).body("total", is(0));
    }

    @Test
    void aSenderThatDiesBetweenClaimAndSendLeavesTheReminderToAnotherExactlyOnce() throws Exception {
        EnrolledPatient dan = remindedDaily("Dan", "11:00");
        planner.planDue();
        String reminderId = as(dan.token()).get(SENT).then().extract().path("items[0].id");

        Optional<Reminders.Claimed> heldByTheDyingPod = Concurrently.holdThenRollBack(
                () -> reminders.claimNext(Instant.now()), () -> {
                    // while the dying pod holds the row, another sender passes over it
                    sender.sendDue();
                    assertThat(mailsTo(dan)).isEmpty();
                });
        assertThat(heldByTheDyingPod).map(c -> c.id().toString()).contains(reminderId);

        planner.planDue();
        sender.sendDue();
        sender.sendDue();

        assertThat(mailsTo(dan)).hasSize(1);
        as(dan.token()).get(SENT).then().body("total", is(1)).body("items[0].status", is("SENT"));
    }

    @Test
    void aMailTheSmtpServerCannotTakeIsTriedAgainThenMarkedFailedAndNeverSentLater() throws Exception {
        EnrolledPatient eva = remindedDaily("Eva", "11:00");
        planner.planDue();
        SmtpServerResource.server().stop();
        try {
            sender.sendDue(); // three attempts (retry-after is 0 s in this class), then FAILED
        } finally {
            SmtpServerResource.server().start();
        }
        as(eva.token()).get(SENT).then().statusCode(200).body("total", is(1))
                .body("items[0].status", is("FAILED"))
                .body("items[0].detail", startsWith("mail not accepted"));

        planner.planDue();
        sender.sendDue();
        assertThat(mailsTo(eva)).isEmpty();
        as(eva.token()).get(SENT).then().body("total", is(1));
    }

    @Test
    void threeSendersOnTheSameDatabaseSendEachReminderExactlyOnce() throws Exception {
        List<EnrolledPatient> patients = List.of(remindedTwiceADay("Ana"), remindedTwiceADay("Bo"),
                remindedTwiceADay("Cy"), remindedTwiceADay("Di"), remindedTwiceADay("Ed"));

        List<Integer> planned = Concurrently.run(3, planner::planDue);
        List<Integer> handled = Concurrently.run(3, sender::sendDue);

        assertThat(planned.stream().mapToInt(Integer::intValue).sum()).isEqualTo(10);
        assertThat(handled.stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(10);
        List<String> messageIds = new ArrayList<>();
        for (EnrolledPatient p : patients) {
            List<MimeMessage> mails = mailsTo(p);
            assertThat(mails).hasSize(2);
            for (MimeMessage m : mails) {
                messageIds.add(m.getHeader("Message-ID", null));
            }
            as(p.token()).get(SENT).then().body("total", is(2)).body("items.status", is(List.of("SENT", "SENT")));
        }
        assertThat(messageIds).doesNotHaveDuplicates().hasSize(10);
    }

    /**
     * The planner visits only patients who might have a reminder due: a channel on in the settings in force and
     * their first reminder time come in their zone; the patients of a clinic that never opted in cost it nothing.
     */
    @Test
    void thePlannerVisitsOnlyPatientsWithAChannelOnWhoseFirstReminderTimeHasCome() throws Exception {
        EnrolledPatient due = remindedDaily("Due", "11:00");
        EnrolledPatient later = remindedDaily("Soon", "20:00");
        EnrolledPatient noPlan = patient("Planless", "11:00", null, null);
        EnrolledPatient silent = Fixtures.enrol(NORTH_CHIRO, NORTH, "Silent", Noon.zone());
        Fixtures.dailyPlan(NORTH_CHIRO, silent);
        EnrolledPatient pushOnly = Fixtures.enrol(NORTH_CHIRO, NORTH, "Pushed", Noon.zone());
        as(pushOnly.token()).body(choice(List.of("PUSH"), "11:00", null, null)).put(MINE).then().statusCode(200);
        Fixtures.dailyPlan(NORTH_CHIRO, pushOnly);
        Instant now = Instant.now();

        assertThat(ids(reminders.reminderCandidates(now, false, false, LocalTime.of(18, 0))))
                .contains(due.id()).doesNotContain(later.id(), noPlan.id(), silent.id(), pushOnly.id());
        assertThat(ids(reminders.reminderCandidates(now, true, false, LocalTime.of(18, 0))))
                .contains(due.id(), pushOnly.id()).doesNotContain(silent.id());
        // a configured default that sends e-mail, and whose time has come: the silent patient is a candidate
        assertThat(ids(reminders.reminderCandidates(now, false, true, LocalTime.of(0, 0)))).contains(silent.id());
        assertThat(ids(reminders.reminderCandidates(now, false, true, LocalTime.of(23, 59))))
                .doesNotContain(silent.id());

        // and the planner's own run (push not configured here) reminds exactly the one who is due
        planner.planDue();
        sender.sendDue();
        assertThat(mailsTo(due)).hasSize(1);
        for (EnrolledPatient p : List.of(later, noPlan, silent, pushOnly)) {
            as(p.token()).get(SENT).then().statusCode(200).body("total", is(0));
        }
    }

    private static List<String> ids(List<UUID> ids) {
        return ids.stream().map(UUID::toString).toList();
    }

    /** A patient in a zone where it is now about noon, reminded by e-mail at {@code at}, with a daily plan. */
    private static EnrolledPatient remindedDaily(String name, String at) {
        EnrolledPatient p = patient(name, at, null, null);
        Fixtures.dailyPlan(NORTH_CHIRO, p);
        return p;
    }

    /** Two sessions a day, reminded at 06:00 and 09:00, both due at noon. */
    private static EnrolledPatient remindedTwiceADay(String name) {
        EnrolledPatient p = patient(name, "06:00", null, null);
        Fixtures.prescribe(NORTH_CHIRO, p.id(), fromRoutine("mid-back-relief", schedule(p.today(), 2)));
        return p;
    }

    private static EnrolledPatient patient(String name, String at, String quietFrom, String quietUntil) {
        EnrolledPatient p = Fixtures.enrol(NORTH_CHIRO, NORTH, name, Noon.zone());
        as(p.token()).body(choice(List.of("EMAIL"), at, quietFrom, quietUntil)).put(MINE).then().statusCode(200);
        return p;
    }

    private static List<MimeMessage> mailsTo(EnrolledPatient p) throws MessagingException {
        String email = as(p.token()).get("/api/me").then().extract().path("email");
        List<MimeMessage> to = new ArrayList<>();
        for (MimeMessage m : SmtpServerResource.server().getReceivedMessages()) {
            if (Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(email))) {
                to.add(m);
            }
        }
        return to;
    }
}
