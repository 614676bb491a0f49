package io.spinewise.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for catalog-service and plan-service in the web-ui's own page tests (never in the
 * end-to-end tests): a JDK HTTP server on a free loopback port that answers what a test
 * registered for "METHOD /path" and records every request (headers and body), so a test can
 * check what the web-ui forwarded. It also serves the login redirect target, so an anonymous
 * page request can be followed to the (stub) authorization endpoint.
 */
public class StubServices implements QuarkusTestResourceLifecycleManager {

    /** What the stub answers for one route. */
    public record Answer(int status, String contentType, String body, Map<String, String> headers) {
        public Answer(int status, String contentType, String body) {
            this(status, contentType, body, Map.of());
        }
    }

    /** A request the web-ui sent. */
    public record Recorded(String method, String path, String query, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().isEmpty() ? null : e.getValue().get(0);
                }
            }
            return null;
        }
    }

    private static final Map<String, Answer> ROUTES = new ConcurrentHashMap<>();
    /** Routes that survive {@link #reset()}: the identity provider's keys. */
    private static final Map<String, Answer> ROUTES_FIXED = new ConcurrentHashMap<>();
    private static final List<Recorded> REQUESTS = new CopyOnWriteArrayList<>();
    private static HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", StubServices::handle);
        ROUTES_FIXED.put("GET /realms/clinic/protocol/openid-connect/certs",
                new Answer(200, "application/json", jwks()));
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of(
                "quarkus.rest-client.catalog.url", base,
                "quarkus.rest-client.plan.url", base,
                "quarkus.oidc.auth-server-url", base + "/realms/clinic");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    public static void reset() {
        ROUTES.clear();
        REQUESTS.clear();
    }

    public static void json(String method, String path, int status, String body) {
        ROUTES.put(method + " " + path, new Answer(status, "application/json", body));
    }

    /** A JSON answer with extra response headers, such as an {@code ETag}. */
    public static void json(String method, String path, String body, Map<String, String> headers) {
        ROUTES.put(method + " " + path, new Answer(200, "application/json", body, Map.copyOf(headers)));
    }

    public static void json(String method, String path, String body) {
        json(method, path, 200, body);
    }

    public static void problem(String method, String path, int status, String detail) {
        ROUTES.put(method + " " + path, new Answer(status, "application/problem+json",
                "{\"type\":\"https://spinewise.io/problems/test\",\"title\":\"Refused\",\"status\":" + status
                        + ",\"detail\":\"" + detail.replace("\"", "\\\"") + "\"}"));
    }

    public static void answer(String method, String path, int status, String contentType, String body) {
        ROUTES.put(method + " " + path, new Answer(status, contentType, body));
    }

    public static List<Recorded> requests() {
        return List.copyOf(REQUESTS);
    }

    public static List<Recorded> requests(String method, String path) {
        return REQUESTS.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    /** The test signer's public key as a JWK set, as Keycloak publishes its keys. */
    private static String jwks() {
        try (InputStream in = StubServices.class.getClassLoader().getResourceAsStream("spinewise-test-verification-key.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
            Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
            return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
                    + url.encodeToString(unsigned(key.getModulus().toByteArray())) + "\",\"e\":\""
                    + url.encodeToString(unsigned(key.getPublicExponent().toByteArray())) + "\"}]}";
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("test verification key unreadable", e);
        }
    }

    private static byte[] unsigned(byte[] bytes) {
        return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        REQUESTS.add(new Recorded(method, path, exchange.getRequestURI().getQuery(),
                Map.copyOf(exchange.getRequestHeaders()), body));
        Answer answer = ROUTES.getOrDefault(method + " " + path, ROUTES_FIXED.get(method + " " + path));
        if (answer == null) {
            answer = new Answer(404, "application/problem+json",
                    "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"No stub for " + method + " " + path + "\"}");
        }
        byte[] bytes = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
        if (answer.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        }
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
