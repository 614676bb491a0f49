package io.spinewise.launcher;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The demo load's calls to plan-service on a local HTTP server standing in for it: a "try again" answer (503,
 * 429) from a service that has just started is tried again, a refusal is not.
 */
class DemoActivityCallTest {

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void anUnavailableAnswerIsTriedAgainUntilItSucceeds() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        AtomicInteger calls = serve((n, body) -> {
            bodies.add(body);
            return n < 3 ? 503 : 201;
        });

        var answer = demo().call("POST", "/api/patients/p/plans", "token", Map.of("routine", "mid-back-relief"));

        assertThat(answer.path("ok").asBoolean()).isTrue();
        assertThat(calls.get()).isEqualTo(3);
        assertThat(bodies).containsOnly("{\"routine\":\"mid-back-relief\"}");
    }

    @Test
    void aRefusalIsNotTriedAgain() throws Exception {
        AtomicInteger calls = serve((n, body) -> 400);

        assertThatThrownBy(() -> demo().call("POST", "/api/patients/p/plans", "token", Map.of()))
                .isInstanceOf(IOException.class).hasMessageContaining("answered 400");
        assertThat(calls.get()).isEqualTo(1);
    }

    private interface Status {
        int of(int call, String body);
    }

    private AtomicInteger serve(Status status) throws IOException {
        AtomicInteger calls = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int code = status.of(calls.incrementAndGet(), body);
            byte[] answer = (code < 300 ? "{\"ok\":true}" : "{\"status\":" + code + "}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(code, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        return calls;
    }

    private DemoActivity demo() {
        return new DemoActivity(null, "http://127.0.0.1:" + server.getAddress().getPort(), null);
    }
}
