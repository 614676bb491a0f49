package io.spinewise.plan.data;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.spinewise.common.security.Roles;
import io.spinewise.testsupport.TestDatabaseServer;
import io.spinewise.testsupport.TestIssuer;
import io.spinewise.testsupport.upgrade.TableDigests;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upgrading from release 0.1.0 (issue 16 §2): the service starts on {@link ReleaseDatabaseResource}'s
 * database (0.1.0's schema, the data 0.1.0's code wrote, two years of history) and migrates it with every
 * migration there is today, as on a clinic's first start of a new version. Afterwards every table holds the
 * rows it held (columns a migration added aside), the adherence of every patient on every day reads as
 * before (and as 0.1.0 itself exported it for its demo clinics), the dashboard reads the same once the
 * rollup is built over the migrated history, and each clinic's audit chain still verifies. A migration added
 * later is covered without a change here.
 */
@QuarkusTest
@WithTestResource(value = ReleaseDatabaseResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class UpgradeFromReleaseTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String databaseUrl;

    @Inject
    AdherenceRollup rollup;

    @Test
    void everyTableHoldsTheRowsItHeldBeforeTheUpgradeAndTheRollupBuiltOverThemReadsTheSame() throws SQLException {
        try (Connection c = superuser(); Statement s = c.createStatement()) {
            s.execute("SET TIME ZONE 'UTC'");
            assertThat(strings(s, "SELECT max(version::int)::text FROM flyway_schema_history WHERE success"))
                    .as("migrated past 0.1.0's schema").allSatisfy(v -> assertThat(Integer.parseInt(v))
                            .isGreaterThanOrEqualTo(Integer.parseInt(ReleaseDatabaseResource.RELEASE_VERSION)));
            long lastAuditId = Long.parseLong(strings(s, "SELECT last_id FROM upgrade_before.audit").get(0));
            List<String> before = new ArrayList<>();
            List<String> after = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT tbl, columns, rows, md5 FROM upgrade_before.digest ORDER BY tbl")) {
                while (rs.next()) {
                    String table = rs.getString("tbl");
                    before.add(new TableDigests.TableDigest(table, rs.getString("columns"), rs.getLong("rows"),
                            rs.getString("md5")).toString());
                    // the calls of the other tests add audit records after the last one of the release
                    String where = table.equals("audit_event") ? "id <= " + lastAuditId : "true";
                    after.add(TableDigests.of(c, table, rs.getString("columns"), where).toString());
                }
            }
            assertThat(before).as("tables of 0.1.0").hasSizeGreaterThan(15);
            assertThat(after).as("every table of 0.1.0, its old columns' rows").isEqualTo(before);
            assertThat(String.join("\n", before)).contains("session_checkoff: ");
        }

        List<Map<String, Object>> live = dashboards();
        int settled = 0;
        for (int n = rollup.settle(Instant.now(), 0, 500); n > 0; n = rollup.settle(Instant.now(), 0, 500)) {
            settled += n;
        }
        assertThat(settled).as("patients settled").isGreaterThan(ReleaseDatabaseResource.HISTORY_PATIENTS);
        assertThat(dashboards()).as("the dashboard from the rollup built after the upgrade").isEqualTo(live);
    }

    @Test
    void everyClinicsAdherenceReportIsTheOneOfBeforeTheUpgradeDayByDay() throws SQLException {
        Map<String, String> before = new LinkedHashMap<>();
        Map<String, String[]> windows = new LinkedHashMap<>();
        try (Connection c = superuser(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT clinic, from_day::text, to_day::text, csv FROM upgrade_before.report ORDER BY clinic")) {
            while (rs.next()) {
                before.put(rs.getString("clinic"), rs.getString("csv"));
                windows.put(rs.getString("clinic"), new String[] {rs.getString("from_day"), rs.getString("to_day")});
            }
        }
        assertThat(before).containsOnlyKeys(ReleaseDatabaseResource.CLINICS);
        for (String clinic : ReleaseDatabaseResource.CLINICS) {
            String csv = adherenceCsv(clinic, windows.get(clinic)[0], windows.get(clinic)[1]);
            assertThat(differences(before.get(clinic), csv)).as(clinic + "'s adherence per patient and day").isEmpty();
            assertThat(csv.equals(before.get(clinic))).as(clinic + ": the same lines in the same order").isTrue();
        }
        assertThat(before.get(ReleaseDatabaseResource.HARBOUR).lines().count()).as("patient days of harbour")
                .isGreaterThan(120 * 700);
    }

    @Test
    void theDemoClinicsAdherenceIsWhatReleaseZeroOneZeroItselfExported() throws IOException {
        for (String clinic : List.of("north", "south")) {
            String exported = resource("/release-0.1.0/adherence-" + clinic + ".csv");
            List<String> dates = exported.lines().skip(1).map(line -> line.split(",")[2]).sorted().toList();
            String csv = adherenceCsv(clinic, dates.get(0), dates.get(dates.size() - 1));
            assertThat(differences(exported, csv)).as(clinic + ": the CSV 0.1.0's service gave for its demo activity")
                    .isEmpty();
            assertThat(csv.equals(exported)).as(clinic + ": the same lines in the same order").isTrue();
            assertThat(exported.lines().filter(line -> line.endsWith(",1,1")).count()).as("days done").isPositive();
        }
    }

    @Test
    void everyClinicsAuditChainStillVerifiesAfterTheUpgrade() throws SQLException {
        for (String clinic : ReleaseDatabaseResource.CLINICS) {
            long records;
            try (Connection c = superuser(); Statement s = c.createStatement()) {
                records = Long.parseLong(strings(s, "SELECT count(*) FROM audit_event WHERE clinic_id = '" + clinic
                        + "' AND id <= (SELECT last_id FROM upgrade_before.audit)").get(0));
            }
            JsonPath verification = given().auth().oauth2(TestIssuer.token(Roles.CLINIC_ADMIN, clinic))
                    .get("/api/audit/verification").then().statusCode(200).extract().jsonPath();
            assertThat(verification.getBoolean("intact")).as(clinic + ": " + verification.prettify()).isTrue();
            assertThat(verification.getLong("records")).as(clinic).isGreaterThanOrEqualTo(records);
            assertThat(records).as(clinic + "'s records from 0.1.0").isPositive();
        }
    }

    /** The lines only the one before has ({@code -}) and only the one after has ({@code +}): the first 20. */
    private static List<String> differences(String before, String after) {
        List<String> was = before.lines().toList();
        List<String> is = after.lines().toList();
        Set<String> wasSet = new HashSet<>(was);
        Set<String> isSet = new HashSet<>(is);
        return Stream.concat(was.stream().filter(line -> !isSet.contains(line)).map(line -> "- " + line),
                is.stream().filter(line -> !wasSet.contains(line)).map(line -> "+ " + line)).limit(20).toList();
    }

    private static String adherenceCsv(String clinic, String from, String to) {
        return given().auth().oauth2(TestIssuer.token(Roles.CHIROPRACTOR, clinic))
                .queryParam("from", from).queryParam("to", to)
                .get("/api/reports/adherence.csv").then().statusCode(200).extract().asString();
    }

    /** Every clinic's dashboard, page by page. */
    private static List<Map<String, Object>> dashboards() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String clinic : ReleaseDatabaseResource.CLINICS) {
            String token = TestIssuer.token(Roles.CHIROPRACTOR, clinic);
            for (int page = 0; ; page++) {
                List<Map<String, Object>> items = given().auth().oauth2(token).queryParam("page", page)
                        .queryParam("size", 100).get("/api/dashboard").then().statusCode(200)
                        .extract().jsonPath().getList("items");
                rows.addAll(items);
                if (items.size() < 100) {
                    break;
                }
            }
        }
        return rows;
    }

    /** The migrated database as the superuser, who may read schema upgrade_before. */
    private Connection superuser() throws SQLException {
        TestDatabaseServer server = TestDatabaseServer.get();
        return DriverManager.getConnection(databaseUrl, server.user(), server.password());
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = UpgradeFromReleaseTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> strings(Statement statement, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
