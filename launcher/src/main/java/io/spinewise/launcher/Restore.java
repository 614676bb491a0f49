package io.spinewise.launcher;

import org.flywaydb.core.api.MigrationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code ./spinewise restore FILE}: a stopped platform brought back to a backup. The whole file is
 * checked first (every entry against its checksum, the schema no newer than this checkout's
 * migrations, the Keycloak distribution at hand), so a damaged or foreign file changes nothing. Then
 * each database is created afresh and loaded ({@link DatabaseCopy}), the media bucket replaced, and
 * Keycloak's store, the VAPID keys and the demo marker put back. A backup from an older schema restores
 * at its version; the services migrate it when they start.
 */
final class Restore {

    private static final Duration DATABASE_START = Duration.ofMinutes(2);

    private final Path home;
    private final Path data;

    Restore(Path home, Path data) {
        this.home = home;
        this.data = data.toAbsolutePath().normalize();
    }

    int run(Path file) throws Exception {
        Optional<ProcessHandle> launcher = Spinewise.runningLauncher(data.resolve(Spinewise.PID_FILE));
        if (launcher.isPresent()) {
            System.err.println("Cannot restore: Spinewise is running (pid " + launcher.get().pid()
                    + "). Stop it with ./spinewise down, then restore.");
            return 1;
        }
        List<String> taken = PortCheck.taken(Platform.ports());
        if (!taken.isEmpty()) {
            System.err.println("Cannot restore: " + PortCheck.describe(taken) + " in use. Is Spinewise running from"
                    + " another folder (./spinewise down there), or another program on it?");
            return 1;
        }
        try (BackupArchive archive = BackupArchive.open(file)) {
            BackupManifest manifest = archive.manifest();
            for (Database.ServiceRoles roles : Backup.DATABASES) {
                requireKnownSchema(manifest.database(roles.database()), migrations(roles));
            }
            for (BackupManifest.DataFile stored : manifest.files()) {
                target(stored.path(), null); // refuses a path outside the data folder before anything is changed
            }
            boolean withKeycloak = manifest.files().stream().anyMatch(f -> f.path().startsWith("keycloak/"));
            Path keycloakHome = withKeycloak
                    ? KeycloakDistribution.unpack(KeycloakDistribution.locate(home), data.resolve("keycloak")) : null;

            System.out.println("Spinewise: restoring " + data + " from " + file + " (written " + manifest.createdAt()
                    + " by Spinewise " + manifest.spinewise() + ")");
            Database database = Platform.databaseFor(data);
            database.start(DATABASE_START);
            try {
                for (Database.ServiceRoles roles : Backup.DATABASES) {
                    BackupManifest.DatabaseContent content = manifest.database(roles.database());
                    new DatabaseCopy(database, roles).load(content, archive, migrations(roles));
                    System.out.printf("  %-9s schema V%s, %d tables, %d rows: row counts match the backup%n",
                            content.name(), content.flywayVersion(), content.tables().size(),
                            content.tables().stream().mapToLong(BackupManifest.Table::rows).sum());
                }
            } finally {
                database.stop();
            }
            try (MediaCopy media = new MediaCopy(data.resolve("media"))) {
                media.load(manifest.media(), archive);
            }
            System.out.printf("  %-9s %d objects%n", "media", manifest.media().size());
            if (keycloakHome != null) {
                deleteTree(keycloakHome.resolve("data/h2"));
            }
            for (BackupManifest.DataFile stored : manifest.files()) {
                Path target = target(stored.path(), keycloakHome);
                Files.createDirectories(target.getParent());
                try (InputStream in = archive.read(stored.entry())) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            System.out.printf("  %-9s %s%n", "keycloak", withKeycloak ? "store restored (users, logins)"
                    : "kept as it is: the backup was made while the platform ran and does not hold it");
        } catch (BackupArchive.Refused e) {
            System.err.println("Cannot restore: " + e.getMessage() + ". Nothing was changed.");
            return 1;
        }
        System.out.println("Restored. ./spinewise up starts the platform on it.");
        return 0;
    }

    private Path migrations(Database.ServiceRoles roles) {
        return home.resolve(roles.database() + "-service/src/main/resources/db/migration");
    }

    private static void requireKnownSchema(BackupManifest.DatabaseContent content, Path migrations) throws IOException {
        MigrationVersion newest = DatabaseCopy.newestMigration(migrations);
        if (MigrationVersion.fromVersion(content.flywayVersion()).compareTo(newest) > 0) {
            throw new BackupArchive.Refused("the backup's " + content.name() + " database is at schema V"
                    + content.flywayVersion() + ", newer than this checkout's V" + newest + "; restore it with the"
                    + " Spinewise version that wrote it (" + content.name() + "-service's migrations)");
        }
    }

    /**
     * Where a stored file goes: below the data folder, Keycloak's files into the Keycloak folder this
     * launcher uses (its version may differ from the backup's).
     */
    private Path target(String path, Path keycloakHome) {
        Path target;
        String[] parts = path.split("/", 3);
        if (keycloakHome != null && parts.length == 3 && parts[0].equals("keycloak")) {
            target = keycloakHome.resolve(parts[2]).normalize();
        } else {
            target = data.resolve(path).normalize();
        }
        if (!target.startsWith(data) || target.equals(data)) {
            throw new BackupArchive.Refused("the backup names a file outside the data folder: " + path);
        }
        return target;
    }

    private static void deleteTree(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            KeycloakDistribution.deleteTree(directory);
        }
    }
}
