package io.spinewise.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole Spinewise platform on one machine: PostgreSQL (embedded, or external when the
 * environment names one), Keycloak with realm {@code clinic}, a mail server (SMTP and IMAP), the
 * media store (S3Proxy), catalog-service, plan-service and web-ui, each configured to find the
 * others on localhost. Used by {@code ./spinewise up} and by the end-to-end tests, so both run
 * exactly the same stack.
 */
public final class Platform implements AutoCloseable {

    public static final int DATABASE_PORT = 5433;
    public static final int KEYCLOAK_PORT = KeycloakServer.Settings.HTTP_PORT;
    public static final int CATALOG_PORT = 8081;
    public static final int PLAN_PORT = 8082;
    public static final int WEB_PORT = 8080;
    /** web-ui's management port: its /q/metrics, kept off the port the browser (and an Ingress) reaches. */
    public static final int WEB_MANAGEMENT_PORT = 9080;
    public static final int SMTP_PORT = MailServer.SMTP_PORT;
    public static final int IMAP_PORT = MailServer.IMAP_PORT;
    public static final int MEDIA_STORE_PORT = 8183;

    private final Path data;
    private final LocalStack stack;
    private final Database database;
    private final Map<Integer, String> ports;

    /**
     * @param home the repository root (service builds and {@code config/} are found below it)
     * @param data where PostgreSQL's data, Keycloak's store and the logs live
     */
    public Platform(Path home, Path data) {
        this.data = data;
        this.database = databaseFor(data);
        this.ports = ports();
        this.stack = new LocalStack(parts(home));
    }

    /** For tests: a platform of the given parts on the given ports, with no database to offer. */
    Platform(Path data, List<Part> parts, Map<Integer, String> ports) {
        this.data = data;
        this.database = null;
        this.ports = ports;
        this.stack = new LocalStack(parts);
    }

    /** The database server a platform on {@code data} uses: the one the environment names, or the embedded one. */
    public static Database databaseFor(Path data) {
        Optional<ExternalDatabase> external = ExternalDatabase.fromEnvironment();
        return external.isPresent() ? external.get() : new EmbeddedDatabase(data.resolve("postgres"), DATABASE_PORT);
    }

    /** The ports the platform listens on, and what listens there. */
    public static Map<Integer, String> ports() {
        Map<Integer, String> ports = new LinkedHashMap<>();
        if (ExternalDatabase.fromEnvironment().isEmpty()) {
            ports.put(DATABASE_PORT, "embedded PostgreSQL");
        }
        ports.put(KEYCLOAK_PORT, "Keycloak");
        ports.put(KeycloakServer.Settings.MANAGEMENT_PORT, "Keycloak management");
        ports.put(SMTP_PORT, "mail (SMTP)");
        ports.put(IMAP_PORT, "mail (IMAP)");
        ports.put(MEDIA_STORE_PORT, "media store (S3Proxy)");
        ports.put(CATALOG_PORT, "catalog-service");
        ports.put(PLAN_PORT, "plan-service");
        ports.put(WEB_PORT, "web-ui");
        ports.put(WEB_MANAGEMENT_PORT, "web-ui management (metrics)");
        return ports;
    }

    /** The ports this platform needs that another program holds, e.g. "8081 (catalog-service)". */
    public List<String> takenPorts() {
        return PortCheck.taken(ports);
    }

    /** Starts every part, in order; throws when one fails (the others are then already stopped). */
    public void start() throws IOException {
        Files.createDirectories(logs());
        List<String> taken = takenPorts();
        if (!taken.isEmpty()) {
            throw new IllegalStateException(PortCheck.describe(taken) + " already in use");
        }
        stack.start();
    }

    /** Stops what was started, last first. */
    @Override
    public void close() {
        stack.stop();
    }

    /** Ends the named part (e.g. {@code plan-service}, {@code postgresql}) with SIGKILL, as a crash would: for fault tests. */
    public void kill(String part) {
        part(part).kill();
    }

    /** Stops the named part cleanly, the others left running: for fault tests. */
    public void stop(String part) {
        part(part).stop();
    }

    /** Starts the named part again, e.g. after {@link #kill} or {@link #stop}, and waits until it is ready. */
    public void start(String part) throws Exception {
        part(part).start(LocalStack.PART_TIMEOUT);
    }

    /** Freezes the named part with SIGSTOP (a hung program: ports open, no answers), for fault tests. */
    public void pause(String part) throws Exception {
        part(part).pause();
    }

    /** Lets a part that {@link #pause} froze run on. */
    public void resume(String part) throws Exception {
        part(part).resume();
    }

    private Part part(String name) {
        return stack.parts().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no part named " + name));
    }

    public Path logs() {
        return data.resolve("logs");
    }

    public Database database() {
        return database;
    }

    /** What runs where, for the summary printed at start-up. */
    public Map<String, String> urls() {
        Map<String, String> urls = new LinkedHashMap<>();
        stack.parts().stream().filter(p -> p.url() != null).forEach(p -> urls.put(p.name(), p.url()));
        return urls;
    }

    private List<Part> parts(Path home) {
        Path logs = logs();
        List<Part> parts = new ArrayList<>();
        parts.add(database);
        Database.ServiceRoles catalog = Database.ServiceRoles.of("catalog");
        Database.ServiceRoles plan = Database.ServiceRoles.of("plan");
        parts.add(new DatabaseSetup(database, List.of(catalog, plan)));
        parts.add(new KeycloakServer(KeycloakServer.Settings.local(KeycloakDistribution.locate(home),
                data.resolve("keycloak"), home.resolve("config/keycloak/realm-clinic-dev.json"),
                KeycloakDistribution.enrolmentExtension(home))
                .withLogFile(logs.resolve("keycloak.log"))));
        MailServer mail = new MailServer(SMTP_PORT, IMAP_PORT);
        parts.add(mail);
        MediaStore media = new MediaStore(data.resolve("media"), MEDIA_STORE_PORT);
        parts.add(media);
        // each service as its runtime role, its migrations as its database's owner: never as the server's user
        Map<String, String> catalogEnvironment = new LinkedHashMap<>(databaseEnvironment(catalog));
        catalogEnvironment.put("SPINEWISE_MEDIA_S3_ENDPOINT", media.endpoint());
        catalogEnvironment.put("SPINEWISE_MEDIA_S3_BUCKET", MediaStore.BUCKET);
        catalogEnvironment.put("SPINEWISE_MEDIA_S3_ACCESS_KEY", MediaStore.ACCESS_KEY);
        catalogEnvironment.put("SPINEWISE_MEDIA_S3_SECRET_KEY", MediaStore.SECRET_KEY);
        parts.add(service(home, "catalog-service", CATALOG_PORT, catalogEnvironment));
        Map<String, String> planEnvironment = new LinkedHashMap<>(databaseEnvironment(plan));
        planEnvironment.put("QUARKUS_REST_CLIENT_CATALOG_URL", "http://localhost:" + CATALOG_PORT);
        // reminder mails go to the local mail server; their links to web-ui
        planEnvironment.put("QUARKUS_MAILER_HOST", "localhost");
        planEnvironment.put("QUARKUS_MAILER_PORT", Integer.toString(mail.smtpPort()));
        planEnvironment.put("SPINEWISE_REMINDERS_WEB_UI_URL", "http://localhost:" + WEB_PORT);
        // Web Push reminders: a VAPID key pair made on the first start and kept under the data folder
        planEnvironment.putAll(LocalVapidKeys.environment(data));
        parts.add(service(home, "plan-service", PLAN_PORT, planEnvironment));
        parts.add(service(home, "web-ui", WEB_PORT, Map.of(
                "QUARKUS_REST_CLIENT_CATALOG_URL", "http://localhost:" + CATALOG_PORT,
                "QUARKUS_REST_CLIENT_PLAN_URL", "http://localhost:" + PLAN_PORT)));
        return parts;
    }

    private Map<String, String> databaseEnvironment(Database.ServiceRoles roles) {
        return Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(roles.database()),
                "QUARKUS_DATASOURCE_USERNAME", roles.runtime(),
                "QUARKUS_DATASOURCE_PASSWORD", roles.runtimePassword(),
                "QUARKUS_FLYWAY_USERNAME", roles.owner(),
                "QUARKUS_FLYWAY_PASSWORD", roles.ownerPassword());
    }

    private QuarkusService service(Path home, String name, int port, Map<String, String> environment) {
        // the local profile: the services keep application.properties' development secrets, which the
        // prod profile (the container images') refuses
        Map<String, String> local = new LinkedHashMap<>(environment);
        local.put("QUARKUS_PROFILE", "local");
        return new QuarkusService(name, home.resolve(name).resolve("target/quarkus-app"), port, local, logs());
    }
}
