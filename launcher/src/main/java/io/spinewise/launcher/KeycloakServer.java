package io.spinewise.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keycloak from its Maven distribution zip, in development mode ({@code start-dev}): unpacked
 * once, realms imported from JSON on an empty store, issuer pinned to
 * {@code http://localhost:<port>}. Its own store is the dev-file H2 database inside the
 * unpacked folder ({@code data/h2}), so users enrolled at run time survive a restart.
 */
final class KeycloakServer extends ProcessPart {

    /** Placeholders that the production realm resolves from the environment at import. */
    private static final Pattern REQUIRED_PLACEHOLDER = Pattern.compile("\\$\\{(SPINEWISE_[A-Z0-9_]+)}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NAME = "keycloak";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Settings settings;

    KeycloakServer(Settings settings) {
        super(new ChildProcess(NAME, settings.logFile()));
        this.settings = settings;
    }

    /**
     * What to run and where.
     *
     * @param distribution   the {@code keycloak-quarkus-dist} zip
     * @param directory      where it is unpacked; Keycloak's store lives below it
     * @param realmFiles     realm JSON files imported when their realm does not exist yet
     * @param logFile        Keycloak's console output
     * @param httpPort       the HTTP port, also the port in the pinned issuer
     * @param managementPort the management port (health)
     * @param adminUser      the bootstrap administrator of the master realm (local use only)
     * @param adminPassword  its password
     * @param freshStore     drop Keycloak's store before starting, so the realm files are imported again
     * @param environment    extra environment, e.g. values for the realm files' placeholders
     * @param providers      extension jars put into Keycloak's {@code providers/} (the enrolment extension)
     */
    record Settings(Path distribution, Path directory, List<Path> realmFiles, Path logFile, int httpPort,
                    int managementPort, String adminUser, String adminPassword, boolean freshStore,
                    Map<String, String> environment, List<Path> providers) {

        static final int HTTP_PORT = 8180;
        static final int MANAGEMENT_PORT = 9000;

        Settings {
            realmFiles = List.copyOf(realmFiles);
            environment = Map.copyOf(environment);
            providers = List.copyOf(providers);
        }

        /**
         * The local stack's Keycloak: ports 8180 and 9000, admin/admin, the store kept across runs,
         * with the enrolment extension (plan-service cannot enrol without it).
         */
        static Settings local(Path distribution, Path directory, Path realmFile, Path enrolmentExtension) {
            return new Settings(distribution, directory, List.of(realmFile), directory.resolve("keycloak.log"),
                    HTTP_PORT, MANAGEMENT_PORT, "admin", "admin", false, Map.of(), List.of(enrolmentExtension));
        }

        Settings withRealmFiles(List<Path> files) {
            return new Settings(distribution, directory, files, logFile, httpPort, managementPort, adminUser,
                    adminPassword, freshStore, environment, providers);
        }

        Settings withLogFile(Path file) {
            return new Settings(distribution, directory, realmFiles, file, httpPort, managementPort, adminUser,
                    adminPassword, freshStore, environment, providers);
        }

        Settings withPorts(int http, int management) {
            return new Settings(distribution, directory, realmFiles, logFile, http, management, adminUser,
                    adminPassword, freshStore, environment, providers);
        }

        Settings withFreshStore(boolean fresh) {
            return new Settings(distribution, directory, realmFiles, logFile, httpPort, managementPort, adminUser,
                    adminPassword, fresh, environment, providers);
        }

        Settings withEnvironment(Map<String, String> variables) {
            return new Settings(distribution, directory, realmFiles, logFile, httpPort, managementPort, adminUser,
                    adminPassword, freshStore, variables, providers);
        }
    }

    Settings settings() {
        return settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void start(Duration timeout) throws IOException, InterruptedException {
        for (int port : List.of(settings.httpPort(), settings.managementPort())) {
            // a Keycloak left running would answer the readiness checks for us
            if (!PortCheck.isFree(port)) {
                throw new IllegalStateException("port " + port + " is already in use");
            }
        }
        Map<String, String> environment = environment();
        List<String> realms = realmNames();
        requirePlaceholdersSet(environment);
        requireProviders();

        Path home = KeycloakDistribution.unpack(settings.distribution(), settings.directory());
        if (settings.freshStore()) {
            KeycloakDistribution.deleteTree(home.resolve("data/h2"));
        }
        replaceFiles(home.resolve("data/import"), "*.json", settings.realmFiles());
        replaceFiles(home.resolve("providers"), "spinewise-*.jar", settings.providers());

        process.start(command(home), home, environment);
        Readiness.await(name(), URI.create("http://localhost:" + settings.managementPort() + "/health/ready"), timeout,
                process::isAlive);
        for (String realm : realms) {
            requireIssuer(realm);
        }
    }

    @Override
    public String url() {
        return baseUrl() + "/admin (" + settings.adminUser() + "/" + settings.adminPassword() + ")";
    }

    /** {@code http://localhost:<port>}, the front-end and back-channel address alike. */
    String baseUrl() {
        return "http://localhost:" + settings.httpPort();
    }

    /** The issuer that tokens of {@code realm} carry. */
    String issuer(String realm) {
        return baseUrl() + "/realms/" + realm;
    }

    private List<String> command(Path home) {
        boolean windows = System.getProperty("os.name").toLowerCase().startsWith("windows");
        List<String> command = new ArrayList<>();
        command.add(home.resolve(windows ? "bin/kc.bat" : "bin/kc.sh").toString());
        command.add("start-dev");
        command.add("--http-port=" + settings.httpPort());
        // without it, dev mode takes the issuer from each request's Host header
        command.add("--hostname=" + baseUrl());
        command.add("--http-management-port=" + settings.managementPort());
        // dev mode binds HTTP to localhost but the management interface to every address
        command.add("--http-management-host=localhost");
        command.add("--health-enabled=true");
        command.add("--import-realm");
        // Dev mode re-reads and re-compiles the login theme's templates on every page and serves its files
        // uncacheable; production mode ("start", docker-compose.yml and k8s/) caches both. Cache them here too, so
        // a sign-in costs locally what it costs in a clinic (bench/README.md, "Sign-in"). No theme of ours is edited.
        command.add("--spi-theme--cache-themes=true");
        command.add("--spi-theme--cache-templates=true");
        command.add("--spi-theme--static-max-age=" + Duration.ofDays(30).toSeconds());
        return command;
    }

    private Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>(settings.environment());
        // the JDK that runs the launcher, not whatever java is first on the PATH
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", settings.adminUser());
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", settings.adminPassword());
        return environment;
    }

    private List<String> realmNames() throws IOException {
        List<String> names = new ArrayList<>();
        for (Path file : settings.realmFiles()) {
            JsonNode realm = JSON.readTree(file.toFile()).path("realm");
            if (!realm.isTextual()) {
                throw new IllegalStateException(file + " has no \"realm\" name");
            }
            names.add(realm.asText());
        }
        return names;
    }

    /**
     * Keycloak leaves a placeholder whose variable is unset as literal text: a client secret would
     * become {@code ${SPINEWISE_...}}, which anyone reading the repository knows. Refuse instead.
     */
    private void requirePlaceholdersSet(Map<String, String> environment) throws IOException {
        Set<String> missing = new LinkedHashSet<>();
        for (Path file : settings.realmFiles()) {
            Matcher matcher = REQUIRED_PLACEHOLDER.matcher(Files.readString(file));
            while (matcher.find()) {
                String variable = matcher.group(1);
                String value = environment.getOrDefault(variable, System.getenv(variable));
                if (value == null || value.isBlank()) {
                    missing.add(variable);
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("set " + String.join(", ", missing) + " before importing "
                    + settings.realmFiles());
        }
    }

    /**
     * Puts {@code files} into {@code directory} in place of the files matching {@code glob} there: the
     * folder is ours, and a realm file left from an earlier run would be imported as well, a stale
     * extension jar loaded (start-dev rebuilds Keycloak with what {@code providers/} holds at each start).
     */
    private static void replaceFiles(Path directory, String glob, List<Path> files) throws IOException {
        Files.createDirectories(directory);
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(directory, glob)) {
            for (Path file : stale) {
                Files.delete(file);
            }
        }
        for (Path file : files) {
            Files.copy(file, directory.resolve(file.getFileName()));
        }
    }

    /** Without the enrolment extension Keycloak would start, and every enrolment would fail: refuse first. */
    private void requireProviders() {
        for (Path jar : settings.providers()) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("Keycloak extension " + jar + " is missing; build it with"
                        + " ./mvnw package -DskipTests -pl keycloak-enrolment");
            }
        }
    }

    /** Ready means the realm is there and its issuer is the pinned one, not one derived from a Host header. */
    private void requireIssuer(String realm) throws IOException, InterruptedException {
        URI discovery = URI.create(issuer(realm) + "/.well-known/openid-configuration");
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("realm " + realm + " is missing (" + discovery + " answered "
                    + response.statusCode() + "); see " + settings.logFile());
        }
        String issuer = JSON.readTree(response.body()).path("issuer").asText();
        if (!issuer.equals(issuer(realm))) {
            throw new IllegalStateException("realm " + realm + " has issuer " + issuer + ", expected " + issuer(realm));
        }
    }
}
