package io.spinewise.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Creates each service's database and its roles on the server when they are missing (a first start). */
final class DatabaseSetup implements Part {

    private final Database database;
    private final List<Database.ServiceRoles> databases;

    DatabaseSetup(Database database, List<Database.ServiceRoles> databases) {
        this.database = database;
        this.databases = databases;
    }

    @Override
    public String name() {
        return "databases";
    }

    @Override
    public void start(Duration timeout) throws Exception {
        for (Database.ServiceRoles roles : databases) {
            database.ensureServiceDatabase(roles);
        }
    }

    @Override
    public void stop() {
        // databases are kept: that is the point
    }

    @Override
    public Path logFile() {
        return null;
    }

    @Override
    public String url() {
        return null;
    }
}
