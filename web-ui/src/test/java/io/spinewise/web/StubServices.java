package io.spinewise.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.spinewise.web.contract.ServiceContract;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A stand-in for catalog-service and plan-service in the web-ui's own page tests (never in the
 * end-to-end tests): a JDK HTTP server on a free loopback port that answers what a test
 * registered for "METHOD /path" and records every request (headers and body), so a test can
 * check what the web-ui forwarded. It also serves the login redirect target, so an anonymous
 * page request can be followed to the (stub) authorization endpoint.
 *
 * <p>The stub keeps to the services' contracts ({@link ServiceContract}, their committed OpenAPI
 * documents): an answer registered for an operation the services do not have, with a status they
 * never give or a body their schema refuses, fails at once; a request from web-ui to a path, with
 * a query parameter or a body that the operation does not declare, is recorded as a violation
 * and fails the test after it ({@link #assertContractKept()}, called for every test by
 * {@link StubContractCheck}). So a stub can never answer what the real service would not.
 */
public class StubServices implements QuarkusTestResourceLifecycleManager {

    /**
     * What the stub answers for one route: {@code body} is computed from the request, so an answer
     * can follow the contract's options (e.g. per-day figures only when asked for).
     */
    public record Answer(int status, String contentType, Function<Recorded, String> body, Map<String, String> headers,
                         boolean computed) {
        public Answer(int status, String contentType, String body) {
            this(status, contentType, request -> body, Map.of(), false);
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

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Answer> ROUTES = new ConcurrentHashMap<>();
    /** Routes that survive {@link #reset()}: the identity provider's keys. */
    private static final Map<String, Answer> ROUTES_FIXED = new ConcurrentHashMap<>();
    private static final List<Recorded> REQUESTS = new CopyOnWriteArrayList<>();
    /** Requests and computed answers that broke a service's contract, since the last check. */
    private static final List<String> VIOLATIONS = new CopyOnWriteArrayList<>();
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
        VIOLATIONS.clear();
    }

    public static void json(String method, String path, int status, String body) {
        register(method, path, new Answer(status, "application/json", body));
    }

    /** A JSON answer with extra response headers, such as an {@code ETag}. */
    public static void json(String method, String path, String body, Map<String, String> headers) {
        register(method, path, new Answer(200, "application/json", request -> body, Map.copyOf(headers), false));
    }

    public static void json(String method, String path, String body) {
        json(method, path, 200, body);
    }

    /** A JSON answer made from the request, checked against the contract when it is given. */
    public static void json(String method, String path, Function<Recorded, String> body) {
        register(method, path, new Answer(200, "application/json", body, Map.of(), true));
    }

    public static void problem(String method, String path, int status, String detail) {
        register(method, path, new Answer(status, "application/problem+json",
                "{\"type\":\"https://spinewise.io/problems/test\",\"title\":\"Refused\",\"status\":" + status
                        + ",\"detail\":\"" + detail.replace("\"", "\\\"") + "\"}"));
    }

    public static void answer(String method, String path, int status, String contentType, String body) {
        register(method, path, new Answer(status, contentType, body));
    }

    /** The same with answer headers (a served file's ETag, Cache-Control...). */
    public static void answer(String method, String path, int status, String contentType, String body,
                              Map<String, String> headers) {
        register(method, path, new Answer(status, contentType, request -> body, headers, false));
    }

    /**
     * Registers {@code answer} for "METHOD path" after checking it against the operation it
     * stands in for; a fixed body is checked now, a computed one when it is given.
     */
    private static void register(String method, String path, Answer answer) {
        ServiceContract.Route route = ServiceContract.route(method, path).orElseThrow(() -> new AssertionError(
                "The stub answers " + method + " " + path + ", which neither service declares (docs/api/)"));
        if (!answer.computed()) {
            List<String> problems = ServiceContract.answerProblems(route, answer.status(), answer.contentType(),
                    answer.body().apply(null));
            if (!problems.isEmpty()) {
                throw new AssertionError("The stub's answer is not one the service gives:\n  "
                        + String.join("\n  ", problems));
            }
        }
        ROUTES.put(method + " " + path, answer);
    }

    /** Fails with every contract violation since the last check (and forgets them). */
    public static void assertContractKept() {
        List<String> found = new ArrayList<>(VIOLATIONS);
        VIOLATIONS.clear();
        if (!found.isEmpty()) {
            throw new AssertionError("web-ui and the stub left the services' contracts (docs/api/):\n  "
                    + String.join("\n  ", found));
        }
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
        Recorded request = new Recorded(method, path, exchange.getRequestURI().getQuery(),
                Map.copyOf(exchange.getRequestHeaders()), body);
        REQUESTS.add(request);
        Answer answer = ROUTES.getOrDefault(method + " " + path, ROUTES_FIXED.get(method + " " + path));
        boolean identityProvider = path.startsWith("/realms/");
        Optional<ServiceContract.Route> route = identityProvider ? Optional.empty()
                : ServiceContract.route(method, path);
        if (!identityProvider) {
            if (route.isEmpty()) {
                VIOLATIONS.add("web-ui called " + method + " " + path + ", which neither service declares");
            } else {
                Set<String> refused = answer == null ? Set.of() : refusedFields(answer, request);
                ServiceContract.requestProblems(route.get(), query(exchange.getRequestURI().getRawQuery()),
                        request.header("Content-Type"),
                        body).stream().filter(problem -> !aboutRefusedField(problem, route.get(), refused))
                        .forEach(VIOLATIONS::add);
            }
        }
        if (answer == null) {
            answer = new Answer(404, "application/problem+json", "{\"type\":\"about:blank\",\"title\":\"Not Found\","
                    + "\"status\":404,\"detail\":\"No stub for " + method + " " + path + "\"}");
        }
        String text = answer.body().apply(request);
        if (route.isPresent() && answer.computed()) {
            ServiceContract.answerProblems(route.get(), answer.status(), answer.contentType(), text)
                    .forEach(VIOLATIONS::add);
        }
        byte[] bytes = text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
        if (answer.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        }
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * The fields a 400 answer refuses, as JSON pointers into the request ({@code items[1].dosage.sets}
     * → {@code /items/1/dosage/sets}). A test that stubs the service's refusal of a value sends that
     * value on purpose: the schema breaking there is what the refusal is about, not a drift.
     */
    private static Set<String> refusedFields(Answer answer, Recorded request) {
        if (answer.status() != 400) {
            return Set.of();
        }
        try {
            JsonNode problem = JSON.readTree(answer.body().apply(request));
            Set<String> pointers = new HashSet<>();
            problem.path("violations").forEach(v -> pointers.add(
                    "/" + v.path("field").asText().replaceAll("\\[(\\d+)]", ".$1").replace('.', '/')));
            return pointers;
        } catch (IOException | RuntimeException e) {
            return Set.of();
        }
    }

    /** Whether a request problem lies on (or above) a field the stubbed answer refuses. */
    private static boolean aboutRefusedField(String problem, ServiceContract.Route route, Set<String> refused) {
        String prefix = "request body to " + route + ": ";
        if (refused.isEmpty() || !problem.startsWith(prefix)) {
            return false;
        }
        String rest = problem.substring(prefix.length());
        int end = rest.indexOf(": ");
        String pointer = end < 0 ? rest : rest.substring(0, end);
        return refused.stream().anyMatch(field -> field.equals(pointer) || field.startsWith(pointer + "/"));
    }

    /** The parameters of a raw query string, by decoded name. */
    static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return parameters;
    }
}
