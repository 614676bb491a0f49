package io.spinewise.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server of the local stack, embedded or external, and the one database per
 * service on it. Databases are created when missing and never dropped: a restart keeps data.
 */
public abstract class Database implements Part {

    /** JDBC URL of the server's maintenance database, used to create the service databases. */
    abstract String adminUrl();

    public abstract String user();

    public abstract String password();

    /** The server's durability settings as it reports them. */
    public Durability durability() throws SQLException {
        return Durability.of(adminUrl(), user(), password());
    }

    /** JDBC URL of the named database on this server. */
    public String jdbcUrl(String database) {
        String admin = adminUrl();
        int slash = admin.lastIndexOf('/');
        int query = admin.indexOf('?', slash);
        return admin.substring(0, slash + 1) + database + (query < 0 ? "" : admin.substring(query));
    }

    void ensureDatabase(String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(adminUrl(), user(), password());
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet result = exists.executeQuery()) {
                if (result.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                // the name is one of ours (catalog, plan, keycloak), never user input
                create.execute("CREATE DATABASE " + name);
            }
        }
    }
}
