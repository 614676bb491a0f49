package io.spinewise.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded PostgreSQL of {@code ./spinewise up} holds clinical data: it must run durable,
 * whatever the embedded library's defaults are, and a row committed before a SIGKILL of the whole
 * server must be there after the restart.
 */
class EmbeddedDatabaseTest {

    @TempDir
    Path data;

    @Test
    void runsWithFsyncSynchronousCommitAndFullPageWritesOn() throws Exception {
        EmbeddedDatabase database = new EmbeddedDatabase(data.resolve("postgres"), freePort());
        try {
            database.start(Duration.ofSeconds(60));

            Durability settings = database.durability();

            assertThat(settings.fsync()).isEqualTo("on");
            assertThat(settings.synchronousCommit()).isEqualTo("on");
            assertThat(settings.fullPageWrites()).isEqualTo("on");
            assertThat(settings.durable()).isTrue();
        } finally {
            database.stop();
        }
    }

    @Test
    void aCommittedRowSurvivesAKillOfTheServer() throws Exception {
        EmbeddedDatabase database = new EmbeddedDatabase(data.resolve("postgres"), freePort());
        try {
            database.start(Duration.ofSeconds(60));
            try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE kept (id int PRIMARY KEY)");
                statement.execute("INSERT INTO kept SELECT generate_series(1, 1000)");
            }

            database.kill();
            database.start(Duration.ofSeconds(60));

            try (Connection connection = connect(database); Statement statement = connection.createStatement();
                 ResultSet count = statement.executeQuery("SELECT count(*) FROM kept")) {
                count.next();
                assertThat(count.getInt(1)).isEqualTo(1000);
            }
        } finally {
            database.stop();
        }
    }

    @Test
    void durabilityIsOnlyAllThreeSettingsOn() {
        assertThat(new Durability("on", "on", "on").durable()).isTrue();
        assertThat(new Durability("on", "local", "on").durable()).as("local still flushes this server's WAL").isTrue();
        assertThat(new Durability("off", "on", "on").durable()).isFalse();
        assertThat(new Durability("on", "off", "on").durable()).isFalse();
        assertThat(new Durability("on", "on", "off").durable()).isFalse();
        assertThat(new Durability("on", "off", "on").toString())
                .isEqualTo("fsync=on, synchronous_commit=off, full_page_writes=on");
    }

    private static Connection connect(EmbeddedDatabase database) throws Exception {
        return DriverManager.getConnection(database.adminUrl(), database.user(), database.password());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
