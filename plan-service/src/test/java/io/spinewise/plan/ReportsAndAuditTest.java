package io.spinewise.plan;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import io.spinewise.common.security.Roles;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestIssuer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.spinewise.plan.Fixtures.EnrolledPatient;
import static io.spinewise.plan.Fixtures.checkOff;
import static io.spinewise.plan.Fixtures.dailyPlan;
import static io.spinewise.plan.Fixtures.enrol;
import static io.spinewise.plan.Users.NORTH;
import static io.spinewise.plan.Users.NORTH_ADMIN;
import static io.spinewise.plan.Users.NORTH_CHIRO;
import static io.spinewise.plan.Users.PROBLEM_JSON;
import static io.spinewise.plan.Users.SOUTH;
import static io.spinewise.plan.Users.SOUTH_ADMIN;
import static io.spinewise.plan.Users.SOUTH_CHIRO;
import static io.spinewise.plan.Users.anonymous;
import static io.spinewise.plan.Users.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** The CSV report, the PDF summary, the patient's own export and the audit log. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = CatalogServiceResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ReportsAndAuditTest {

    private static EnrolledPatient quoted;
    private static EnrolledPatient plain;
    private static EnrolledPatient sam;
    private static String quotedPlan;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void twoNorthPatientsOneWithAnAwkwardNameAndASouthPatient() {
        if (quoted != null) {
            return;
        }
        quoted = enrol(NORTH_CHIRO, NORTH, "Seán \"The Back\", Jr", "Europe/Dublin");
        plain = enrol(NORTH_CHIRO, NORTH, "Bea", "Asia/Tokyo");
        sam = enrol(SOUTH_CHIRO, SOUTH, "Sam", "Australia/Sydney");
        quotedPlan = dailyPlan(NORTH_CHIRO, quoted);
        dailyPlan(NORTH_CHIRO, plain);
        dailyPlan(SOUTH_CHIRO, sam);
        as(quoted.token()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(checkOff(quotedPlan, quoted.today(), 1)).post("/api/me/sessions").then().statusCode(201);
    }

    @Test
    void theCsvHasOneRowPerPatientPerDayWithProperQuoting() {
        LocalDate from = quoted.today().minusDays(2);
        LocalDate to = quoted.today();
        Response response = as(NORTH_ADMIN).get("/api/reports/adherence.csv?from=" + from + "&to=" + to);
        response.then().statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("attachment; filename=\"adherence-north-" + from));
        List<String> lines = response.asString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("patient_id,patient_name,date,scheduled,completed");
        assertThat(lines.get(0)).isEqualTo(io.spinewise.plan.report.AdherenceCsv.HEADER);
        assertThat(lines).contains(quoted.id() + ",\"Seán \"\"The Back\"\", Jr Tester\"," + to + ",1,1");
        assertThat(lines).contains(quoted.id() + ",\"Seán \"\"The Back\"\", Jr Tester\"," + from + ",0,0");
        assertThat(lines.stream().filter(l -> l.startsWith(quoted.id()))).hasSize(3);
        assertThat(lines.stream().filter(l -> l.startsWith(plain.id()))).hasSizeBetween(2, 3);
        assertThat(lines).noneMatch(l -> l.startsWith(sam.id()));
        as(SOUTH_CHIRO).get("/api/reports/adherence.csv?from=" + from + "&to=" + to).then().statusCode(200)
                .body(not(containsString(quoted.id())))
                .body(containsString(sam.id()));

        // the record is written when the stream has ended, with what it held
        String rows = (lines.size() - 1) + " rows";
        List<Map<String, Object>> records = as(NORTH_ADMIN).get("/api/audit?size=100").then().statusCode(200)
                .extract().path("items");
        assertThat(records).anySatisfy(r -> {
            assertThat(r.get("action")).isEqualTo("report.adherence.csv");
            assertThat(r.get("outcome")).isEqualTo("SUCCESS");
            assertThat((String) r.get("target")).isEqualTo("adherence " + from + ".." + to + ", " + rows);
        });
    }

    @Test
    void theCsvCanBeFilteredByChiropractorAndTheClinicListsItsPrescribers() {
        String chiroId = UUID.randomUUID().toString();
        String otherChiro = TestIssuer.token(chiroId, io.spinewise.common.security.Roles.CHIROPRACTOR, NORTH);
        EnrolledPatient cleo = enrol(otherChiro, NORTH, "Cleo", "Europe/Dublin");
        dailyPlan(otherChiro, cleo);
        LocalDate from = quoted.today().minusDays(1);
        LocalDate to = quoted.today();
        String path = "/api/reports/adherence.csv?from=" + from + "&to=" + to;

        List<String> lines = as(NORTH_ADMIN).get(path + "&chiropractor=" + chiroId).then().statusCode(200)
                .extract().asString().lines().toList();
        assertThat(lines.get(0)).isEqualTo(io.spinewise.plan.report.AdherenceCsv.HEADER);
        assertThat(lines.subList(1, lines.size())).isNotEmpty().allMatch(l -> l.startsWith(cleo.id() + ","));
        assertThat(as(NORTH_ADMIN).get(path).then().statusCode(200).extract().asString())
                .contains(cleo.id()).contains(quoted.id());
        // another clinic's chiropractor: the clinic filter stays, no rows
        assertThat(as(SOUTH_ADMIN).get(path + "&chiropractor=" + chiroId).then().statusCode(200).extract().asString()
                .lines().toList()).containsExactly(io.spinewise.plan.report.AdherenceCsv.HEADER);
        as(NORTH_ADMIN).get(path + "&chiropractor=not-a-user").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("chiropractor"));

        as(NORTH_ADMIN).get("/api/clinic/chiropractors").then().statusCode(200)
                .body("id", hasItem(chiroId))
                .body("find { it.id == '" + chiroId + "' }.name", equalTo("user-" + chiroId.substring(0, 8)));
        as(NORTH_CHIRO).get("/api/clinic/chiropractors").then().statusCode(200).body("id", hasItem(chiroId));
        as(SOUTH_ADMIN).get("/api/clinic/chiropractors").then().statusCode(200).body("id", not(hasItem(chiroId)))
                .body("$", hasSize(1));
        as(cleo.token()).get("/api/clinic/chiropractors").then().statusCode(403).contentType(PROBLEM_JSON);
        anonymous().get("/api/clinic/chiropractors").then().statusCode(401);
    }

    @Test
    void aNameASpreadsheetWouldRunAsAFormulaIsExportedAsText() throws Exception {
        // a clinic of its own, so these names and their line breaks stay out of the other tests' reports
        String clinic = "formula-" + UUID.randomUUID().toString().substring(0, 8);
        String chiro = TestIssuer.token(Roles.CHIROPRACTOR, clinic);
        Map<String, String> cellByFirstName = new LinkedHashMap<>();
        cellByFirstName.put("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\") Tester");
        cellByFirstName.put("+1", "'+1 Tester");
        cellByFirstName.put("-2", "'-2 Tester");
        cellByFirstName.put("@SUM(A1)", "'@SUM(A1) Tester");
        cellByFirstName.put("Ann, \"Nan\" =1", "Ann, \"Nan\" =1 Tester");
        cellByFirstName.put("'Quoted", "'Quoted Tester");
        Map<String, String> expected = new HashMap<>();
        EnrolledPatient any = null;
        for (Map.Entry<String, String> name : cellByFirstName.entrySet()) {
            any = enrol(chiro, clinic, name.getKey(), "Europe/Dublin");
            expected.put(any.id(), name.getValue());
        }
        // enrolment strips blanks, but a name from the identity provider's token is stored as it comes
        expected.put(patientNamed(clinic, "\tTab"), "'\tTab Tester");
        expected.put(patientNamed(clinic, "\rReturn"), "'\rReturn Tester");
        LocalDate to = any.today();
        LocalDate from = to.minusDays(1);

        String csv = as(TestIssuer.token(Roles.CLINIC_ADMIN, clinic))
                .get("/api/reports/adherence.csv?from=" + from + "&to=" + to).then().statusCode(200)
                .extract().asString();
        List<List<String>> rows;
        try (MappingIterator<List<String>> lines = new CsvMapper()
                .readerForListOf(String.class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                .readValues(csv)) {
            rows = lines.readAll();
        }
        assertThat(String.join(",", rows.get(0))).isEqualTo(io.spinewise.plan.report.AdherenceCsv.HEADER);
        List<List<String>> data = rows.subList(1, rows.size());
        assertThat(data).hasSize(expected.size() * 2).allSatisfy(row -> {
            assertThat(row).hasSize(5);
            assertThat(row.get(1)).as("the name of " + row.get(0)).isEqualTo(expected.get(row.get(0)));
            // the id, date and count cells are not user text: untouched
            assertThat(UUID.fromString(row.get(0)).toString()).isEqualTo(row.get(0));
            assertThat(LocalDate.parse(row.get(2))).isBetween(from, to);
            assertThat(row.subList(3, 5)).containsExactly("0", "0");
        });
        assertThat(data.stream().map(row -> row.get(0))).containsAll(expected.keySet());
    }

    /** A patient of {@code clinic} named exactly {@code firstName} Tester, written as the token's profile would be. */
    private String patientNamed(String clinic, String firstName) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO patient (id, clinic_id, subject, first_name, last_name, time_zone) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setObject(1, id);
            s.setString(2, clinic);
            s.setString(3, UUID.randomUUID().toString());
            s.setString(4, firstName);
            s.setString(5, "Tester");
            s.setString(6, "Europe/Dublin");
            s.executeUpdate();
        }
        return id.toString();
    }

    @Test
    void aLongRangeIsStreamedNotBuiltInMemory() throws Exception {
        LocalDate to = LocalDate.now();
        LocalDate from = to.minusDays(3000);
        Response response = as(NORTH_CHIRO).get("/api/reports/adherence.csv?from=" + from + "&to=" + to);
        response.then().statusCode(200).header("Transfer-Encoding", "chunked");
        assertThat(response.getHeader("Content-Length")).isNull();
        long rows;
        try (InputStream body = response.asInputStream();
             BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            rows = reader.lines().skip(1).count();
        }
        long patients = countNorthPatients();
        assertThat(rows).isBetween(patients * 3000, patients * 3002);
    }

    @Test
    void csvParametersAreCheckedAndOnlyStaffMayExport() {
        as(NORTH_CHIRO).get("/api/reports/adherence.csv?to=2026-01-01").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("from"));
        as(NORTH_CHIRO).get("/api/reports/adherence.csv?from=2026-02-01&to=2026-01-01").then().statusCode(400)
                .body("violations[0].field", equalTo("to"));
        as(NORTH_CHIRO).get("/api/reports/adherence.csv?from=2000-01-01&to=2026-01-01").then().statusCode(400);
        as(quoted.token()).get("/api/reports/adherence.csv?from=2026-01-01&to=2026-01-02").then().statusCode(403)
                .contentType(PROBLEM_JSON);
        anonymous().get("/api/reports/adherence.csv?from=2026-01-01&to=2026-01-02").then().statusCode(401);
    }

    @Test
    void thePdfSummaryIsForTheClinicsStaff() {
        Response pdf = as(NORTH_CHIRO).get("/api/reports/patients/" + quoted.id() + ".pdf");
        pdf.then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", containsString("patient-" + quoted.id() + "-"));
        assertThat(new String(pdf.asByteArray(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        as(NORTH_ADMIN).get("/api/reports/patients/" + plain.id() + ".pdf").then().statusCode(200);
        as(SOUTH_ADMIN).get("/api/reports/patients/" + quoted.id() + ".pdf").then().statusCode(404).contentType(PROBLEM_JSON);
        as(quoted.token()).get("/api/reports/patients/" + quoted.id() + ".pdf").then().statusCode(403);
    }

    @Test
    void thePdfSummaryCoversExactlyTheChosenPeriod() throws Exception {
        EnrolledPatient pia = enrol(NORTH_CHIRO, NORTH, "Pia", "Europe/Dublin");
        LocalDate today = pia.today();
        String plan = Fixtures.prescribe(NORTH_CHIRO, pia.id(),
                Fixtures.fromRoutine("mid-back-relief", Fixtures.schedule(today.minusDays(6), 1)));
        for (int back : new int[] {6, 5, 3}) {
            as(pia.token()).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(checkOff(plan, today.minusDays(back), 1)).post("/api/me/sessions").then().statusCode(201);
        }
        LocalDate from = today.minusDays(5);
        LocalDate to = today.minusDays(3);

        Response pdf = as(NORTH_ADMIN).get("/api/reports/patients/" + pia.id() + ".pdf?from=" + from + "&to=" + to);
        pdf.then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition",
                        containsString("patient-" + pia.id() + "-" + from + "-to-" + to + ".pdf"));
        String text = pdfText(pdf.asByteArray());
        assertThat(text).contains("Period " + from + " to " + to)
                // the three days asked for: done, missed, done; the day before them is left out
                .contains("Overall: 2 of 3 sessions");

        // without a period: the last 12 weeks up to today, which hold all three check-offs
        String recent = pdfText(as(NORTH_ADMIN).get("/api/reports/patients/" + pia.id() + ".pdf").then()
                .statusCode(200).extract().asByteArray());
        assertThat(recent).contains("to " + today + " ·").contains("Overall: 3 of ");
    }

    @Test
    void thePdfPeriodIsCheckedLikeTheCsvRange() {
        String pdf = "/api/reports/patients/" + quoted.id() + ".pdf";
        as(NORTH_ADMIN).get(pdf + "?from=03/04/2026").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("from"));
        as(NORTH_ADMIN).get(pdf + "?from=2026-01-01&to=2026-13-01").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("to"));
        as(NORTH_ADMIN).get(pdf + "?from=2026-02-01&to=2026-01-01").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("to"));
        as(NORTH_ADMIN).get(pdf + "?from=2000-01-01&to=2026-01-01").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("to"));
        as(NORTH_ADMIN).get(pdf + "?from=" + quoted.today().plusDays(2)).then().statusCode(400)
                .contentType(PROBLEM_JSON).body("violations[0].field", equalTo("from"));
    }

    /** The text of every page, as a reader of the PDF sees it. */
    private static String pdfText(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        } finally {
            reader.close();
        }
    }

    @Test
    void aPatientDownloadsAllTheirOwnData() {
        as(quoted.token()).get("/api/me/export").then().statusCode(200)
                .header("Content-Disposition", containsString("attachment; filename=\"spinewise-my-data-"))
                .body("patient.id", equalTo(quoted.id()))
                .body("patient.clinicId", equalTo(NORTH))
                .body("plans", hasSize(1))
                .body("plans[0].versions[0].items", hasSize(4))
                .body("checkOffs", hasSize(1))
                .body("checkOffs[0].painBefore", equalTo(5))
                .body("adherence.completed", equalTo(1));
        as(plain.token()).get("/api/me/export").then().statusCode(200).body("checkOffs", hasSize(0))
                .body("patient.id", equalTo(plain.id()));
        as(NORTH_CHIRO).get("/api/me/export").then().statusCode(403);
    }

    @Test
    void everyReadChangeAndExportOfPatientDataIsAudited() {
        as(NORTH_CHIRO).get("/api/patients/" + plain.id()).then().statusCode(200);
        as(plain.token()).get("/api/me/export").then().statusCode(200);
        as(plain.token()).get("/api/patients").then().statusCode(403);
        as(SOUTH_CHIRO).get("/api/patients/" + plain.id()).then().statusCode(404);
        as(NORTH_CHIRO).get("/api/reports/patients/" + plain.id() + ".pdf").then().statusCode(200);

        String path = "/api/audit?size=100&patient=" + plain.id();
        as(NORTH_ADMIN).get(path).then().statusCode(200)
                .body("items.action", hasItem("patient.enrol"))
                .body("items.action", hasItem("plan.create"))
                .body("items.action", hasItem("patient.read"))
                .body("items.action", hasItem("patient.export"))
                .body("items.action", hasItem("report.patient.pdf"))
                .body("items.find { it.action == 'patient.export' }.actorRole", equalTo("patient"))
                .body("items.find { it.action == 'patient.read' }.outcome", equalTo("SUCCESS"))
                .body("items.find { it.action == 'patient.read' }.at", notNullValue());
        as(NORTH_ADMIN).get("/api/audit?size=100&patient=" + quoted.id()).then().statusCode(200)
                .body("items.find { it.action == 'checkoff.create' }.outcome", equalTo("SUCCESS"))
                .body("items.find { it.action == 'checkoff.create' }.status", equalTo(201));
        // refused before the resource ran (wrong role): recorded on a worker shortly after the answer
        awaitAudit(NORTH_ADMIN, "/api/audit?size=100", "patient.list", "DENIED");
        // the other clinic's attempt is in the other clinic's log, not in north's
        as(SOUTH_ADMIN).get("/api/audit?size=100&patient=" + plain.id()).then().statusCode(200)
                .body("items.outcome", equalTo(List.of("NOT_FOUND")));
        as(NORTH_ADMIN).get(path).then().body("items.outcome", not(hasItem("NOT_FOUND")));
        as(NORTH_ADMIN).get("/api/audit?from=2000-01-01&to=2000-01-02").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void theAuditLogNamesWhoActedFromTheTokenAndWhichPatient() {
        String adaId = UUID.randomUUID().toString();
        String ada = namedToken(adaId, io.spinewise.common.security.Roles.CHIROPRACTOR, "Ada Lovelace", "dr.ada");
        String benId = UUID.randomUUID().toString();
        String ben = TestIssuer.token(benId, io.spinewise.common.security.Roles.CHIROPRACTOR, NORTH);
        EnrolledPatient dora = enrol(NORTH_CHIRO, NORTH, "Dora", "Europe/Dublin");
        as(ada).get("/api/patients/" + dora.id()).then().statusCode(200);
        as(ben).get("/api/patients/" + quoted.id()).then().statusCode(200);

        as(NORTH_ADMIN).get("/api/audit?size=100&patient=" + dora.id()).then().statusCode(200)
                .body("items.find { it.actor == '" + adaId + "' }.actorName", equalTo("Ada Lovelace"))
                .body("items.find { it.actor == '" + adaId + "' }.actorRole", equalTo("chiropractor"))
                .body("items.find { it.actor == '" + adaId + "' }.patientName", equalTo("Dora Tester"));
        // without a name claim the username stands in (TestIssuer's tokens carry only that)
        as(NORTH_ADMIN).get("/api/audit?size=100&patient=" + quoted.id()).then().statusCode(200)
                .body("items.find { it.actor == '" + benId + "' }.actorName", equalTo("user-" + benId.substring(0, 8)))
                .body("items.find { it.actor == '" + benId + "' }.patientName", equalTo("Seán \"The Back\", Jr Tester"))
                // the check-off path writes its own record, name included
                .body("items.find { it.action == 'checkoff.create' }.actorName",
                        equalTo("user-" + quoted.subject().substring(0, 8)));
    }

    @Test
    void anotherClinicsAttemptIsLoggedWithoutThePatientsName() {
        EnrolledPatient eve = enrol(NORTH_CHIRO, NORTH, "Eve", "Europe/Dublin");
        as(SOUTH_CHIRO).get("/api/patients/" + eve.id()).then().statusCode(404);

        as(SOUTH_ADMIN).get("/api/audit?size=100&patient=" + eve.id()).then().statusCode(200)
                .body("items.find { it.action == 'patient.read' }.outcome", equalTo("NOT_FOUND"))
                .body("items.patientId", everyItem(equalTo(eve.id())))
                .body("items.patientName", everyItem(nullValue()));
        as(NORTH_ADMIN).get("/api/audit?size=100&patient=" + eve.id()).then().statusCode(200)
                .body("items.find { it.action == 'patient.enrol' }.patientName", equalTo("Eve Tester"));
    }

    @Test
    void recordsWrittenBeforeNamesWereKeptHaveNoActorName() throws SQLException {
        EnrolledPatient fay = enrol(NORTH_CHIRO, NORTH, "Fay", "Europe/Dublin");
        String actor = UUID.randomUUID().toString();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO audit_event (clinic_id, actor, actor_role, patient_id, action, outcome, status)"
                        + " VALUES ('north', ?, 'chiropractor', ?, 'patient.read', 'SUCCESS', 200)")) {
            s.setString(1, actor);
            s.setObject(2, UUID.fromString(fay.id()));
            s.executeUpdate();
        }

        as(NORTH_ADMIN).get("/api/audit?size=100&patient=" + fay.id()).then().statusCode(200)
                .body("items.find { it.actor == '" + actor + "' }.actorName", nullValue())
                .body("items.find { it.actor == '" + actor + "' }.patientName", equalTo("Fay Tester"));
    }

    @Test
    void onlyClinicAdministratorsReadTheAuditLog() {
        as(NORTH_CHIRO).get("/api/audit").then().statusCode(403).contentType(PROBLEM_JSON);
        as(quoted.token()).get("/api/audit").then().statusCode(403);
        anonymous().get("/api/audit").then().statusCode(401);
        as(NORTH_ADMIN).get("/api/audit?patient=nope").then().statusCode(400).body("violations[0].field", equalTo("patient"));
        as(NORTH_ADMIN).get("/api/audit?size=500").then().statusCode(400);
    }

    @Test
    void aPageWhoseRowOffsetWouldNotFitIsRefusedNamingThePage() {
        for (String query : List.of("page=99999999999", "page=2147483647&size=100",
                "page=" + (io.spinewise.common.paging.PageRequest.MAX_PAGE + 1))) {
            for (String list : List.of("/api/audit", "/api/patients", "/api/dashboard")) {
                // the dashboard is the chiropractor's, the audit log the administrator's
                as(list.equals("/api/dashboard") ? NORTH_CHIRO : NORTH_ADMIN).get(list + "?" + query).then().statusCode(400)
                        .contentType(PROBLEM_JSON)
                        .body("violations.field", equalTo(List.of("page")));
            }
        }
        // the highest page there is still answers: empty, with the true total
        as(NORTH_ADMIN).get("/api/patients?size=100&page=" + io.spinewise.common.paging.PageRequest.MAX_PAGE)
                .then().statusCode(200).body("items", hasSize(0)).body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(2));
    }

    @Test
    void anAuditPageBeyondTheLastStillCarriesTheTotal() {
        int total = as(NORTH_ADMIN).get("/api/audit?size=1").then().statusCode(200).extract().path("total");
        assertThat(total).isPositive();
        as(NORTH_ADMIN).get("/api/audit?size=100&page=1000").then().statusCode(200)
                .body("items", hasSize(0))
                .body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(total));
    }

    @Test
    void thePrescribersNameIsTheFullNameFromTheToken() {
        String adaId = UUID.randomUUID().toString();
        String ada = namedToken(adaId, io.spinewise.common.security.Roles.CHIROPRACTOR, "Ada Lovelace", "dr.ada");
        EnrolledPatient gus = enrol(NORTH_CHIRO, NORTH, "Gus", "Europe/Dublin");
        dailyPlan(ada, gus);

        as(NORTH_ADMIN).get("/api/clinic/chiropractors").then().statusCode(200)
                .body("find { it.id == '" + adaId + "' }.name", equalTo("Ada Lovelace"));
    }

    @Test
    void theAuditLogIsAppendOnlyEvenForTheSchemaOwner() throws SQLException {
        as(NORTH_CHIRO).get("/api/patients/" + quoted.id()).then().statusCode(200);
        // the service's own role may not even try (AuditIntegrityTest); the owner that runs the migrations
        // may, and the trigger refuses it
        org.eclipse.microprofile.config.Config config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        try (Connection c = java.sql.DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.flyway.username", String.class),
                config.getValue("quarkus.flyway.password", String.class));
             Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_event SET actor = 'someone else'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_event"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("TRUNCATE audit_event"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
    }

    /** A token like Keycloak's with the person's full name in {@code name}, signed with TestIssuer's key. */
    private static String namedToken(String subject, String role, String name, String username) {
        return Jwt.issuer(TestIssuer.ISSUER).subject(subject).audience(Set.copyOf(TestIssuer.AUDIENCES))
                .preferredUserName(username).claim("name", name)
                .claim("realm_access", Map.of("roles", List.of(role))).claim("clinic_id", NORTH)
                .expiresIn(300).sign("spinewise-test-signing-key.pem");
    }

    private static void awaitAudit(String token, String path, String action, String outcome) {
        for (int i = 0; i < 50; i++) {
            List<Map<String, Object>> items = as(token).get(path).then().statusCode(200).extract().path("items");
            if (items.stream().anyMatch(e -> action.equals(e.get("action")) && outcome.equals(e.get("outcome")))) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("no " + outcome + " record of " + action);
    }

    private long countNorthPatients() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM patient WHERE clinic_id = 'north'");
             var rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
