package io.spinewise.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * {@code ./spinewise backup [FILE]}: both service databases (each from one snapshot), every object of
 * the media store, Keycloak's store with the patients' logins, the VAPID keys and the demo marker, into
 * one zip with a manifest ({@link BackupManifest}). It runs beside a running platform or starts the
 * embedded PostgreSQL itself when the platform is stopped. Keycloak's store (an H2 file that Keycloak
 * holds open and rewrites in place) is copied only while Keycloak is stopped: a backup of a running
 * platform leaves it out and says so.
 */
final class Backup {

    static final List<Database.ServiceRoles> DATABASES = List.of(Database.ServiceRoles.of("catalog"),
            Database.ServiceRoles.of("plan"));
    static final List<String> SETTINGS_FILES = List.of(LocalVapidKeys.FILE, DemoActivity.MARKER);
    private static final Duration DATABASE_START = Duration.ofMinutes(2);

    private final Path data;

    Backup(Path data) {
        this.data = data;
    }

    /** The file a backup goes to when none is named: {@code spinewise-backup-<UTC time>.zip} in the current folder. */
    static Path defaultFile(Path folder, Instant now) {
        return folder.resolve("spinewise-backup-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC).format(now) + ".zip");
    }

    int run(Path file) throws Exception {
        boolean running = Spinewise.runningLauncher(data.resolve(Spinewise.PID_FILE)).isPresent();
        Database database = Platform.databaseFor(data);
        if (!running && database instanceof EmbeddedDatabase && !Files.isDirectory(data.resolve("postgres"))) {
            System.err.println("Nothing to back up: " + data + " holds no platform (run ./spinewise up first).");
            return 1;
        }
        if (!running && database instanceof EmbeddedDatabase && !PortCheck.isFree(Platform.DATABASE_PORT)) {
            System.err.println("Cannot back up: port " + Platform.DATABASE_PORT + " is in use, but no Spinewise runs from "
                    + data + ". Is Spinewise running from another folder (SPINEWISE_DATA)?");
            return 1;
        }
        System.out.println("Spinewise: backing up " + data + " to " + file + (running
                ? " (the platform is running: each database from one snapshot; Keycloak's store is left out)"
                : " (the platform is stopped: everything, Keycloak's store included)"));
        if (!running) {
            database.start(DATABASE_START);
        }
        try (BackupArchive.Writer writer = new BackupArchive.Writer(file)) {
            List<BackupManifest.DatabaseContent> databases = new ArrayList<>();
            for (Database.ServiceRoles roles : DATABASES) {
                BackupManifest.DatabaseContent content = new DatabaseCopy(database, roles).save(writer);
                databases.add(content);
                System.out.printf("  %-9s schema V%s, %d tables, %d rows%n", content.name(), content.flywayVersion(),
                        content.tables().size(), content.tables().stream().mapToLong(BackupManifest.Table::rows).sum());
            }
            List<BackupManifest.MediaObject> media;
            try (MediaCopy store = new MediaCopy(data.resolve("media"))) {
                media = store.save(writer);
            }
            System.out.printf("  %-9s %d objects%n", "media", media.size());
            List<BackupManifest.DataFile> files = new ArrayList<>(saveFiles(writer, settingsFiles()));
            String keycloak;
            if (running) {
                keycloak = "left out: the platform was running";
                System.out.printf("  %-9s left out (Keycloak holds it open); ./spinewise down, then backup, includes it%n",
                        "keycloak");
            } else {
                List<BackupManifest.DataFile> store = saveFiles(writer, keycloakStore(data));
                files.addAll(store);
                keycloak = "included";
                System.out.printf("  %-9s store included (%d files: users, logins, sessions)%n", "keycloak", store.size());
            }
            writer.finish(new BackupManifest(BackupManifest.FORMAT, version(), Instant.now().toString(), running,
                    databases, media, files, keycloak));
        } finally {
            if (!running) {
                database.stop();
            }
        }
        System.out.printf("Backup written: %s (%.1f MB)%n", file, Files.size(file) / 1e6);
        return 0;
    }

    private List<Path> settingsFiles() {
        return SETTINGS_FILES.stream().map(data::resolve).filter(Files::isRegularFile).toList();
    }

    /** Keycloak's H2 files, {@code <data>/keycloak/<its folder>/data/h2/*}. */
    static List<Path> keycloakStore(Path data) throws IOException {
        Path keycloak = data.resolve("keycloak");
        if (!Files.isDirectory(keycloak)) {
            return List.of();
        }
        try (Stream<Path> homes = Files.list(keycloak)) {
            List<Path> files = new ArrayList<>();
            for (Path h2 : homes.map(home -> home.resolve("data/h2")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> stored = Files.list(h2)) {
                    stored.filter(Files::isRegularFile).forEach(files::add);
                }
            }
            return files;
        }
    }

    private List<BackupManifest.DataFile> saveFiles(BackupArchive.Writer writer, List<Path> files) throws Exception {
        List<BackupManifest.DataFile> saved = new ArrayList<>();
        for (Path file : files) {
            String path = data.relativize(file).toString().replace('\\', '/');
            saved.add(new BackupManifest.DataFile(path, writer.write("files/" + path, out -> Files.copy(file, out))));
        }
        return saved;
    }

    static String version() {
        try (InputStream in = Backup.class.getResourceAsStream("spinewise.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("spinewise.version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
