package io.spinewise.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The {@code org.keycloak:keycloak-quarkus-dist} zip: where the build put it, and unpacking it
 * once into a folder of its own.
 */
final class KeycloakDistribution {

    private static final String GROUP_PATH = "org/keycloak/keycloak-quarkus-dist";

    private KeycloakDistribution() {
    }

    /** The Keycloak version this launcher was built against (from the launcher's pom). */
    static String version() {
        try (InputStream in = KeycloakDistribution.class.getResourceAsStream("keycloak.properties")) {
            if (in == null) {
                throw new IllegalStateException("keycloak.properties is missing from the launcher's classes; rebuild it");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("keycloak.version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The zip that the launcher's build copied into {@code launcher/target/keycloak/}; failing that,
     * the copy in the local Maven repository, which the same build downloaded.
     */
    static Path locate(Path checkout) {
        String file = "keycloak-quarkus-dist-" + version() + ".zip";
        List<Path> candidates = new ArrayList<>();
        candidates.add(checkout.resolve("launcher/target/keycloak").resolve(file));
        candidates.add(Path.of(System.getProperty("maven.repo.local",
                        Path.of(System.getProperty("user.home"), ".m2", "repository").toString()))
                .resolve(GROUP_PATH).resolve(version()).resolve(file));
        return candidates.stream()
                .filter(Files::isRegularFile)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Keycloak distribution not found at " + candidates
                        + "; build the launcher first (./spinewise up builds it, or ./mvnw package -DskipTests -pl launcher -am)"));
    }

    /** The enrolment extension jar that the reactor built in {@code keycloak-enrolment/target/}. */
    static Path enrolmentExtension(Path checkout) {
        return checkout.resolve("keycloak-enrolment/target/spinewise-keycloak-enrolment.jar");
    }

    /**
     * Unpacks the zip into {@code directory} unless a previous run already did, and returns the
     * Keycloak home (the zip's single top folder, e.g. {@code keycloak-26.7.3}). The zip is
     * unpacked beside the target and renamed at the end, so an interrupted unpack is never
     * mistaken for a finished one.
     */
    static Path unpack(Path zip, Path directory) throws IOException {
        Files.createDirectories(directory);
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            String top = topFolder(archive);
            Path home = directory.resolve(top);
            if (Files.isRegularFile(home.resolve("bin/kc.sh"))) {
                return home;
            }
            Path staging = Files.createTempDirectory(directory, ".unpack-");
            try {
                Enumeration<? extends ZipEntry> entries = archive.entries();
                while (entries.hasMoreElements()) {
                    extract(archive, entries.nextElement(), staging);
                }
                // java.util.zip drops the Unix modes; only the launch scripts need the execute bit
                try (Stream<Path> scripts = Files.list(staging.resolve(top).resolve("bin"))) {
                    for (Path script : (Iterable<Path>) scripts.filter(p -> p.toString().endsWith(".sh"))::iterator) {
                        makeExecutable(script);
                    }
                }
                try {
                    Files.move(staging.resolve(top), home, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException e) {
                    // a half-unpacked folder from a run older than this staging scheme: replace it
                    deleteTree(home);
                    Files.move(staging.resolve(top), home, StandardCopyOption.ATOMIC_MOVE);
                }
            } finally {
                deleteTree(staging);
            }
            return home;
        }
    }

    private static String topFolder(ZipFile archive) {
        ZipEntry first = archive.entries().nextElement();
        String name = first.getName();
        int slash = name.indexOf('/');
        if (slash <= 0) {
            throw new IllegalStateException(archive.getName() + " does not look like a Keycloak distribution");
        }
        return name.substring(0, slash);
    }

    private static void extract(ZipFile archive, ZipEntry entry, Path target) throws IOException {
        Path destination = target.resolve(entry.getName()).normalize();
        if (!destination.startsWith(target)) {
            throw new IOException("zip entry escapes its folder: " + entry.getName());
        }
        if (entry.isDirectory()) {
            Files.createDirectories(destination);
            return;
        }
        Files.createDirectories(destination.getParent());
        try (InputStream in = archive.getInputStream(entry)) {
            Files.copy(in, destination, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void makeExecutable(Path file) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            permissions.add(PosixFilePermission.OWNER_EXECUTE);
            permissions.add(PosixFilePermission.GROUP_EXECUTE);
            Files.setPosixFilePermissions(file, permissions);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): kc.bat needs no execute bit
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
