package io.spinewise.plan;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.spinewise.plan.push.P256;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for a browser vendor's push service (Mozilla autopush, Google FCM, Apple's), which in production are
 * outside the platform and cannot be reached from the tests: an HTTPS server on a free local port, with a
 * certificate made by keytool for this run and trusted by plan-service through a Quarkus TLS configuration.
 * It keeps every request (path, headers, body) and answers 201, or the status a test set for a path.
 * Also gives plan-service a fresh VAPID key pair, whose public half the test checks the signatures with.
 */
public class PushServiceResource implements QuarkusTestResourceLifecycleManager {

    private static final String PASSWORD = "push-test";

    /** A request the push service received. */
    public record Received(String path, Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final Map<String, Integer> ANSWERS = new ConcurrentHashMap<>();
    private static HttpsServer server;
    private static byte[] vapidPublicKey;

    static String origin() {
        return "https://localhost:" + server.getAddress().getPort();
    }

    static byte[] vapidPublicKey() {
        return vapidPublicKey;
    }

    static List<Received> received(String path) {
        return RECEIVED.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** From now on, requests to this path get this status. */
    static void answer(String path, int status) {
        ANSWERS.put(path, status);
    }

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createTempDirectory("push-service");
            Path keystore = dir.resolve("push.p12");
            keytool("-genkeypair", "-alias", "push", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=localhost", "-ext", "san=dns:localhost,ip:127.0.0.1", "-validity", "2",
                    "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD);
            Path cert = dir.resolve("push.crt");
            keytool("-exportcert", "-rfc", "-alias", "push", "-keystore", keystore.toString(),
                    "-storepass", PASSWORD, "-file", cert.toString());
            server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(ssl(keystore)));
            server.createContext("/", exchange -> {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                String path = exchange.getRequestURI().getPath();
                RECEIVED.add(new Received(path, Map.copyOf(exchange.getRequestHeaders()), body));
                exchange.sendResponseHeaders(ANSWERS.getOrDefault(path, 201), -1);
                exchange.close();
            });
            server.start();
            KeyPair vapid = P256.generate();
            vapidPublicKey = P256.raw((ECPublicKey) vapid.getPublic());
            return Map.of("quarkus.tls.push-service.trust-store.pem.certs", cert.toString(),
                    "spinewise.push.tls-configuration-name", "push-service",
                    "spinewise.push.vapid.public-key", P256.encode(vapidPublicKey),
                    "spinewise.push.vapid.private-key", P256.encode(P256.raw((ECPrivateKey) vapid.getPrivate())),
                    "spinewise.push.vapid.subject", "mailto:ops@spinewise.invalid");
        } catch (Exception e) {
            throw new IllegalStateException("the local push service did not start", e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static SSLContext ssl(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(keys.getKeyManagers(), null, null);
        return ssl;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new UncheckedIOException(new IOException("keytool failed: " + output));
        }
    }
}
