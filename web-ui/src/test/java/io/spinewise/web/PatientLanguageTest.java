package io.spinewise.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;

/**
 * The patient's pages in their language: their stored choice, else the browser's
 * {@code Accept-Language}, else English; staff pages stay English; the choice is made on Progress.
 */
@QuarkusTest
@WithTestResource(TestIssuer.class)
@WithTestResource(StubServices.class)
class PatientLanguageTest {

    private static final String MY_RECORD = Fixtures.patient(Fixtures.PATIENT_ID, "Paul", "Patient",
            "paul@example.org", "Europe/Zurich");

    @BeforeEach
    void services() {
        StubServices.reset();
        StubServices.json("GET", "/api/me/today", Fixtures.today(false));
        StubServices.json("GET", "/api/exercises", Fixtures.exercisesBySlug(Fixtures.WALL_EXTENSION, Fixtures.CAT_COW));
        StubServices.json("GET", "/api/me/adherence", Fixtures.adherenceAsAsked(Fixtures.adherence()));
        StubServices.json("GET", "/api/me/plans", "[]");
        StubServices.json("GET", "/api/me/calendar-feed", "{\"on\":false,\"startsAt\":\"18:00\",\"since\":null}");
        StubServices.json("GET", "/api/me", MY_RECORD);
    }

    @Test
    void aBrowserAskingForGermanGetsTodayInGerman() {
        String html = today("de-CH,de;q=0.9,en;q=0.5");

        assertThat(html).contains("<html lang=\"de\"", "<h1>Heute</h1>", "Mo., 23. Nov. 2026", "Einheit speichern",
                "Wie fühlt sich Ihr Rücken jetzt an", "2 × 30 s halten", "Halten starten", "So geht es", "Abmelden",
                "data-start=\"Halten starten\"")
                .doesNotContain("Save session", "How to do it", "Sign out");
        // the catalog answered in English (no translation): its words are marked so for screen readers
        assertThat(html).contains("lang=\"en\">Thoracic extension at the wall</h3>", "<ol lang=\"en\">",
                "Erledigt: <span lang=\"en\">Cat-cow on all fours</span>");
    }

    @Test
    void aGermanPatientsCardsAskTheCatalogInGermanAndMarkEachTextWithItsLanguage() {
        StubServices.json("GET", "/api/exercises", Fixtures.exercisesBySlug(Fixtures.WALL_EXTENSION, Fixtures.CAT_COW_GERMAN));

        String html = today("de");

        assertThat(StubServices.requests("GET", "/api/exercises")).singleElement()
                .satisfies(r -> assertThat(r.header("Accept-Language")).isEqualTo("de"));
        assertThat(html).contains(
                "-cat-cow-name\" lang=\"de\">Katze-Kuh im Vierfüßlerstand</h3>",
                "<ol lang=\"de\">", "<li>Bauch durchhängen lassen (Kuh).</li>",
                "<ul lang=\"de\">", "Erzwingen Sie die Endpositionen nicht.",
                "<figure lang=\"de\">", "alt=\"Katze: Rücken rund, Kopf unten.\"", "<figcaption>Ausgangsposition</figcaption>",
                "<figure lang=\"en\">", "<figcaption>End</figcaption>",
                "Erledigt: <span lang=\"de\">Katze-Kuh im Vierfüßlerstand</span>",
                // an exercise the catalog has no German for stays English, as prescribed
                "lang=\"en\">Thoracic extension at the wall</h3>");
    }

    @Test
    void thePatientsChoiceBeatsTheBrowser() {
        StubServices.json("GET", "/api/me", MY_RECORD.replace("\"language\":null", "\"language\":\"fr\""));

        String html = today("de");

        assertThat(html).contains("<html lang=\"fr\"", "<h1>Aujourd&#39;hui</h1>", "lun. 23 nov. 2026",
                "Enregistrer la séance").doesNotContain("Einheit speichern", "Save session");
    }

    @Test
    void aLanguageThePagesAreNotWrittenInFallsBackToEnglish() {
        String html = today("it-IT,it;q=0.9,pt;q=0.5");

        assertThat(html).contains("<html lang=\"en\"", "<h1>Today</h1>", "Mon 23 Nov 2026", "Save session",
                "How does your back feel now, before you start?", "2 × 30 s hold");
    }

    @Test
    void plansServiceDownStillGivesThePageInTheBrowsersLanguage() {
        StubServices.problem("GET", "/api/me", 503, "plan-service is restarting");

        assertThat(today("es")).contains("<html lang=\"es\"", "<h1>Hoy</h1>", "Guardar sesión");
    }

    @Test
    void staffPagesStayEnglishWhateverTheBrowserAsks() {
        String html = given().auth().oauth2(Users.chiropractor()).header("Accept-Language", "de")
                .when().get("/progress").then().statusCode(403).extract().asString();

        assertThat(html).contains("<html lang=\"en\"", "Not allowed", "Sign out").doesNotContain("Abmelden");
    }

    @Test
    void aPatientsErrorPageIsInTheirLanguage() {
        String html = given().auth().oauth2(Users.patient()).header("Accept-Language", "fr")
                .when().get("/admin/reports").then().statusCode(403).extract().asString();

        assertThat(html).contains("<html lang=\"fr\"", "Non autorisé", "Retour à ma page d&#39;accueil", "Erreur 403");
    }

    @Test
    void progressAndItsCalendarInThePatientsLanguage() {
        StubServices.json("GET", "/api/me", MY_RECORD.replace("\"language\":null", "\"language\":\"es\""));

        String html = given().auth().oauth2(Users.patient()).when().get("/progress").then().statusCode(200)
                .extract().asString();

        assertThat(html).contains("<html lang=\"es\"", "<h1>Mi progreso</h1>", "días seguidos", "todo hecho",
                "hoy, aún sin terminar", "abbr=\"lunes\">Lu</th>", "Mi idioma",
                "<option value=\"es\" lang=\"es\" selected>Español</option>",
                "<option value=\"de\" lang=\"de\" >Deutsch</option>", "Suscripción de calendario",
                "Tu suscripción de calendario está <strong>desactivada</strong>.",
                "Activar la suscripción de calendario").doesNotContain("Calendar subscription");
        // one call for the patient's record: the page's own, which also gives the language
        assertThat(StubServices.requests("GET", "/api/me")).hasSize(1);
    }

    @Test
    void aPatientChoosesFrenchOnProgress() {
        StubServices.json("PATCH", "/api/me", MY_RECORD.replace("\"language\":null", "\"language\":\"fr\""));
        String token = Users.patient();
        Pages.Form page = Pages.get(token, "/progress");

        given().auth().oauth2(token).redirects().follow(false).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", page.csrfToken()).formParam("language", "fr")
                .when().post("/progress/language")
                .then().statusCode(303).header("Location", endsWith("/progress"));
        assertThat(StubServices.requests("PATCH", "/api/me")).singleElement()
                .satisfies(r -> assertThat(r.body()).isEqualTo("{\"language\":\"fr\"}"));
    }

    @Test
    void theChoiceIsKeptForAWhileAndAChangeIsFollowedAtOnce() {
        StubServices.json("PATCH", "/api/me", MY_RECORD.replace("\"language\":null", "\"language\":\"fr\""));
        String token = Users.patient();
        assertThat(today(token, "de")).contains("<html lang=\"de\"");
        assertThat(today(token, "de")).contains("<html lang=\"de\"");
        // the second page did not read the patient's record again (nor add a me.read to the audit log)
        assertThat(StubServices.requests("GET", "/api/me")).hasSize(1);

        Pages.Form page = Pages.get(token, "/progress");
        given().auth().oauth2(token).redirects().follow(false).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", page.csrfToken()).formParam("language", "fr")
                .when().post("/progress/language")
                .then().statusCode(303);

        assertThat(today(token, "de")).contains("<html lang=\"fr\"", "Enregistrer la séance");
    }

    @Test
    void aLanguageNotOnTheListIsRefusedBesideTheField() {
        String token = Users.patient();
        Pages.Form page = Pages.get(token, "/progress");

        String html = given().auth().oauth2(token).redirects().follow(false).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", page.csrfToken()).formParam("language", "it")
                .when().post("/progress/language")
                .then().statusCode(400).extract().asString();

        assertThat(html).contains("aria-invalid=\"true\"", "id=\"language-error\"",
                "Please choose one of the languages in the list.");
        assertThat(StubServices.requests("PATCH", "/api/me")).isEmpty();
    }

    @Test
    void aCheckOffThatNeedsCorrectingSaysSoInThePatientsLanguage() {
        String token = Users.patient();
        Pages.Form page = Pages.get(token, "/today");

        String html = given().auth().oauth2(token).header("Accept-Language", "es").redirects().follow(false)
                .cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", page.csrfToken())
                .formParam("planId", Fixtures.PLAN_ID).formParam("date", "2026-11-23").formParam("slot", "1")
                .formParam("idempotencyKey", page.hidden("idempotencyKey"))
                .formParam("exercise", "thoracic-wall-extension").formParam("painBefore", "11")
                .when().post("/today/sessions")
                .then().statusCode(400).extract().asString();

        assertThat(html).contains("<html lang=\"es\"", "Revisa las respuestas marcadas.",
                "Marca al menos un ejercicio que hayas hecho.", "Elige un número del 0 al 10.");
        assertThat(StubServices.requests("POST", "/api/me/sessions")).isEmpty();
    }

    @Test
    void plansServicesKnownRefusalsOfACheckOffAreSaidInThePatientsLanguage() {
        StubServices.problem("POST", "/api/me/sessions", 409,
                "Session 1 of 2026-11-23 is already checked off (check-off 42).");
        assertThat(refusedCheckOff("de")).contains("Diese Einheit konnte so nicht gespeichert werden")
                .doesNotContain("already checked off");

        StubServices.answer("POST", "/api/me/sessions", 400, "application/problem+json", """
                {"type":"urn:spinewise:problem:validation","title":"Invalid request","status":400,
                 "detail":"date is too far back: sessions can be logged up to 7 days back.",
                 "violations":[{"field":"date","message":"is too far back: sessions can be logged up to 7 days back"}]}
                """);
        assertThat(refusedCheckOff("es")).contains("Este día no se puede registrar").doesNotContain("too far back");

        StubServices.problem("POST", "/api/me/sessions", 503, "plan database gone");
        assertThat(refusedCheckOff("fr")).contains("Le serveur de votre cabinet est injoignable",
                "Vos réponses sont toujours là").doesNotContain("plan database gone", "We could not reach");
    }

    @Test
    void anUnknownRefusalKeepsTheServicesOwnSentence() {
        StubServices.problem("POST", "/api/me/sessions", 422, "This Idempotency-Key was already used for another check-off.");
        assertThat(refusedCheckOff("de")).contains("This Idempotency-Key was already used for another check-off.");
    }

    /** A check-off of a patient whose browser asks for {@code acceptLanguage}, refused by the stub: the page. */
    private static String refusedCheckOff(String acceptLanguage) {
        String token = Users.patient();
        Pages.Form page = Pages.get(token, "/today");
        return given().auth().oauth2(token).header("Accept-Language", acceptLanguage).redirects().follow(false)
                .cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", page.csrfToken())
                .formParam("planId", Fixtures.PLAN_ID).formParam("date", "2026-11-23").formParam("slot", "1")
                .formParam("idempotencyKey", page.hidden("idempotencyKey"))
                .formParam("exercise", "cat-cow").formParam("done", "cat-cow").formParam("painBefore", "3")
                .when().post("/today/sessions")
                .then().extract().asString();
    }

    private static String today(String acceptLanguage) {
        return today(Users.patient(), acceptLanguage);
    }

    private static String today(String token, String acceptLanguage) {
        return given().auth().oauth2(token).header("Accept-Language", acceptLanguage)
                .when().get("/today").then().statusCode(200).extract().asString();
    }
}
