package io.spinewise.catalog;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import io.spinewise.common.security.Roles;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestDatabaseServer;
import io.spinewise.testsupport.TestIssuer;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.spinewise.catalog.ExerciseFixtures.exercise;
import static io.spinewise.catalog.ExerciseFixtures.routine;
import static io.spinewise.catalog.Users.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Every change to a clinic's library is recorded with its author, in the change's own transaction,
 * in a log the service's database role can only add to and read.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class LibraryChangeLogTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void creatingUpdatingAndArchivingAnExerciseRecordsWhoDidIt() throws SQLException {
        Author ada = Author.of(Roles.CHIROPRACTOR, "Ada Lovelace");
        Author nora = Author.in(ada.clinic(), Roles.CLINIC_ADMIN, "Nora Admin");
        OffsetDateTime before = now();
        as(ada.token()).body(exercise("logged-move")).post("/api/exercises").then().statusCode(201);
        Map<String, Object> changed = exercise("logged-move");
        changed.put("summary", "Changed by the administrator.");
        as(nora.token()).header("If-Match", "\"0\"").body(changed).put("/api/exercises/logged-move").then().statusCode(200);
        as(ada.token()).delete("/api/exercises/logged-move").then().statusCode(204);

        assertThat(records(ada.clinic())).containsExactly(
                new Record(ada.clinic(), ada.subject(), "Ada Lovelace", Roles.CHIROPRACTOR, "exercise.create",
                        "exercise logged-move"),
                new Record(ada.clinic(), nora.subject(), "Nora Admin", Roles.CLINIC_ADMIN, "exercise.update",
                        "exercise logged-move"),
                new Record(ada.clinic(), ada.subject(), "Ada Lovelace", Roles.CHIROPRACTOR, "exercise.archive",
                        "exercise logged-move"));
        assertThat(firstTime(ada.clinic())).isAfterOrEqualTo(before.minusSeconds(1));
    }

    @Test
    void creatingUpdatingAndArchivingARoutineRecordsWhoDidIt() throws SQLException {
        Author ben = Author.of(Roles.CHIROPRACTOR, "Ben Bone");
        as(ben.token()).body(routine("logged-routine", "cat-cow")).post("/api/routines").then().statusCode(201);
        as(ben.token()).header("If-Match", "\"0\"").body(routine("logged-routine", "cat-cow", "spinal-wedge"))
                .put("/api/routines/logged-routine").then().statusCode(200);
        as(ben.token()).delete("/api/routines/logged-routine").then().statusCode(204);

        assertThat(records(ben.clinic())).extracting(Record::action, Record::target, Record::actor, Record::actorName)
                .containsExactly(tuple("routine.create", "routine logged-routine", ben.subject(), "Ben Bone"),
                        tuple("routine.update", "routine logged-routine", ben.subject(), "Ben Bone"),
                        tuple("routine.archive", "routine logged-routine", ben.subject(), "Ben Bone"));
    }

    @Test
    void aRefusedChangeLeavesNoRecord() throws SQLException {
        Author ada = Author.of(Roles.CHIROPRACTOR, "Ada Lovelace");
        as(ada.token()).header("If-Match", "\"0\"").body(exercise("cat-cow")).put("/api/exercises/cat-cow")
                .then().statusCode(403);
        as(ada.token()).body(exercise("cat-cow")).post("/api/exercises").then().statusCode(409);
        assertThat(records(ada.clinic())).isEmpty();
    }

    @Test
    void aChangeWhoseRecordCannotBeWrittenIsNotMade() throws SQLException {
        Author ada = Author.of(Roles.CHIROPRACTOR, "Ada Lovelace");
        String runtimeRole = ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class);
        asSuperuser("REVOKE INSERT ON audit_event FROM " + runtimeRole);
        try {
            as(ada.token()).body(exercise("unrecorded")).post("/api/exercises").then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", notNullValue())
                    .body("detail", containsString("not made"));
        } finally {
            asSuperuser("GRANT INSERT ON audit_event TO " + runtimeRole);
        }
        as(ada.token()).get("/api/exercises/unrecorded").then().statusCode(404);
    }

    @Test
    void theServiceCanNeitherChangeNorRemoveItsChangeLog() throws SQLException {
        Author ada = Author.of(Roles.CHIROPRACTOR, "Ada Lovelace");
        as(ada.token()).body(exercise("kept-move")).post("/api/exercises").then().statusCode(201);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            for (String sql : List.of("UPDATE audit_event SET actor = 'someone else'", "DELETE FROM audit_event",
                    "TRUNCATE audit_event", "ALTER TABLE audit_event DISABLE TRIGGER ALL", "DROP TABLE audit_event",
                    "DELETE FROM exercise", "CREATE TABLE copy (id int)")) {
                assertThatThrownBy(() -> s.execute(sql)).as(sql).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as(sql).isEqualTo("42501"));
            }
            try (ResultSet rs = s.executeQuery("SELECT rolsuper OR rolbypassrls OR rolcreaterole OR rolcreatedb,"
                    + " (SELECT count(*) FROM pg_class WHERE relowner = r.oid)"
                    + " FROM pg_roles r WHERE rolname = current_user")) {
                rs.next();
                assertThat(rs.getBoolean(1)).as("any special attribute").isFalse();
                assertThat(rs.getLong(2)).as("relations owned").isZero();
            }
        }
        assertThat(records(ada.clinic())).hasSize(1);
    }

    private List<Record> records(String clinic) throws SQLException {
        List<Record> records = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT clinic_id, actor, actor_name, actor_role, action, target FROM audit_event"
                        + " WHERE clinic_id = ? ORDER BY id")) {
            s.setString(1, clinic);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    records.add(new Record(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)));
                }
            }
        }
        return records;
    }

    private OffsetDateTime firstTime(String clinic) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT min(at) FROM audit_event WHERE clinic_id = ?")) {
            s.setString(1, clinic);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getObject(1, OffsetDateTime.class);
            }
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now();
    }

    private static void asSuperuser(String... statements) throws SQLException {
        TestDatabaseServer server = TestDatabaseServer.get();
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        try (Connection c = DriverManager.getConnection(url, server.user(), server.password());
             Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private record Record(String clinic, String actor, String actorName, String actorRole, String action,
                          String target) {
    }

    /** A member of staff of a clinic of the test's own, with a name in the token as Keycloak gives it. */
    private record Author(String clinic, String subject, String token) {

        static Author of(String role, String name) {
            return in("c-" + UUID.randomUUID().toString().substring(0, 8), role, name);
        }

        static Author in(String clinic, String role, String name) {
            String subject = UUID.randomUUID().toString();
            String token = Jwt.issuer(TestIssuer.ISSUER).subject(subject).audience(Set.copyOf(TestIssuer.AUDIENCES))
                    .preferredUserName(name.toLowerCase().replace(' ', '.')).claim("name", name)
                    .claim("realm_access", Map.of("roles", List.of(role))).claim("clinic_id", clinic)
                    .expiresIn(300).sign("spinewise-test-signing-key.pem");
            return new Author(clinic, subject, token);
        }
    }
}
