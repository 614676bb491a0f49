package io.spinewise.launcher;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher gives each service database an owner role and a runtime role, so that no service of
 * {@code ./spinewise up} connects as the superuser, also on a data folder from an older launcher
 * whose databases the superuser owns.
 */
class ServiceDatabaseTest {

    @TempDir
    static Path data;

    private static EmbeddedDatabase database;

    @BeforeAll
    static void start() throws Exception {
        database = new EmbeddedDatabase(data.resolve("postgres"), freePort());
        database.start(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        database.stop();
    }

    @Test
    void aNewDatabaseBelongsToItsOwnerAndTheRuntimeRoleHasNoPowers() throws Exception {
        Database.ServiceRoles roles = Database.ServiceRoles.of("fresh");
        database.ensureServiceDatabase(roles);
        database.ensureServiceDatabase(roles); // a second start changes nothing and does not fail

        try (Connection c = asAdmin("fresh"); Statement s = c.createStatement()) {
            assertThat(text(s, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'fresh'"))
                    .containsExactly("fresh");
            assertThat(text(s, "SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'public'"))
                    .containsExactly("fresh");
            assertThat(text(s, "SELECT rolsuper OR rolcreatedb OR rolcreaterole OR rolbypassrls FROM pg_roles"
                    + " WHERE rolname = 'fresh_app'")).containsExactly("f");
            assertThat(text(s, "SELECT has_schema_privilege('fresh_app', 'public', 'CREATE')")).containsExactly("f");
            assertThat(text(s, "SELECT has_database_privilege('fresh_app', 'fresh', 'CONNECT')")).containsExactly("t");
        }
        // the roles log in with the passwords the services are given
        try (Connection ignored = DriverManager.getConnection(database.jdbcUrl("fresh"), roles.runtime(),
                roles.runtimePassword())) {
            // connected
        }
    }

    @Test
    void aDatabaseTheSuperuserMadeIsHandedToItsOwner() throws Exception {
        try (Connection c = asAdmin("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE legacy");
        }
        try (Connection c = asAdmin("legacy"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE audit_event (id bigserial PRIMARY KEY, actor text)");
            s.execute("CREATE VIEW recent AS SELECT * FROM audit_event");
            s.execute("CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NULL; END'");
        }

        database.ensureServiceDatabase(Database.ServiceRoles.of("legacy"));

        try (Connection c = asAdmin("legacy"); Statement s = c.createStatement()) {
            assertThat(text(s, "SELECT DISTINCT pg_get_userbyid(relowner) FROM pg_class"
                    + " WHERE relnamespace = 'public'::regnamespace")).containsExactly("legacy");
            assertThat(text(s, "SELECT pg_get_userbyid(proowner) FROM pg_proc WHERE proname = 'refuse'"))
                    .containsExactly("legacy");
            assertThat(text(s, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'legacy'"))
                    .containsExactly("legacy");
        }
    }

    private static List<String> text(Statement statement, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static Connection asAdmin(String name) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(name), database.user(), database.password());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
