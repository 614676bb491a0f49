package io.spinewise.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server of the local stack, embedded or external, and the one database per
 * service on it, each with an owner role and a runtime role ({@link ServiceRoles}). Databases are
 * created when missing and never dropped: a restart keeps data.
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

    /**
     * The two roles of a service's database: its owner, which runs the migrations, and the runtime role
     * the service connects as, which owns nothing and holds only what the migrations grant it. Local
     * development values: the server listens on localhost only.
     */
    public record ServiceRoles(String database, String owner, String ownerPassword, String runtime,
                               String runtimePassword) {

        /** {@code catalog}: owner {@code catalog}, runtime role {@code catalog_app} (the services' defaults). */
        public static ServiceRoles of(String database) {
            return new ServiceRoles(database, database, database, database + "_app", database + "_app");
        }
    }

    /**
     * Creates the service's database and its two roles when missing, and hands a database made by an
     * older launcher (everything owned by the server's user) to its owner role, so that no service
     * connects as the superuser.
     */
    void ensureServiceDatabase(ServiceRoles roles) throws SQLException {
        // every name here is one of ours (catalog, plan and their roles), never user input
        try (Connection connection = DriverManager.getConnection(adminUrl(), user(), password());
             Statement statement = connection.createStatement()) {
            if (!exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", roles.owner())) {
                statement.execute("CREATE ROLE " + roles.owner() + " LOGIN PASSWORD '" + roles.ownerPassword() + "'");
            }
            if (!exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", roles.runtime())) {
                statement.execute("CREATE ROLE " + roles.runtime() + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE"
                        + " NOBYPASSRLS PASSWORD '" + roles.runtimePassword() + "'");
            }
            if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", roles.database())) {
                statement.execute("CREATE DATABASE " + roles.database() + " OWNER " + roles.owner());
            } else {
                statement.execute("ALTER DATABASE " + roles.database() + " OWNER TO " + roles.owner());
            }
            statement.execute("REVOKE ALL ON DATABASE " + roles.database() + " FROM PUBLIC");
            statement.execute("GRANT CONNECT ON DATABASE " + roles.database() + " TO " + roles.runtime());
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl(roles.database()), user(), password());
             Statement statement = connection.createStatement()) {
            statement.execute("ALTER SCHEMA public OWNER TO " + roles.owner());
            statement.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            statement.execute(ADOPT.replace("$owner", roles.owner()));
        }
    }

    /*
     * Tables, views, sequences and functions in schema public that someone else owns (a database made
     * when every service ran as the superuser) become the owner role's; a sequence that belongs to a
     * table's column moves with its table.
     */
    private static final String ADOPT = """
            DO $adopt$
            DECLARE
                object record;
            BEGIN
                FOR object IN
                    SELECT c.oid::regclass AS name FROM pg_class c
                    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
                      AND c.relowner <> '$owner'::regrole
                      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                                      AND d.objid = c.oid AND d.deptype IN ('a', 'i'))
                LOOP
                    EXECUTE format('ALTER TABLE %s OWNER TO $owner', object.name);
                END LOOP;
                FOR object IN
                    SELECT p.oid::regprocedure AS name FROM pg_proc p
                    WHERE p.pronamespace = 'public'::regnamespace AND p.proowner <> '$owner'::regrole
                LOOP
                    EXECUTE format('ALTER FUNCTION %s OWNER TO $owner', object.name);
                END LOOP;
            END
            $adopt$""";

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        }
    }
}
