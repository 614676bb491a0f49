package io.spinewise.plan;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.spinewise.plan.Fixtures.EnrolledPatient;
import static io.spinewise.plan.Fixtures.enrol;
import static io.spinewise.plan.Fixtures.fromExercises;
import static io.spinewise.plan.Fixtures.fromRoutine;
import static io.spinewise.plan.Fixtures.schedule;
import static io.spinewise.plan.Users.NORTH;
import static io.spinewise.plan.Users.NORTH_CHIRO;
import static io.spinewise.plan.Users.PROBLEM_JSON;
import static io.spinewise.plan.Users.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

/**
 * catalog-service down or hanging: a prescription gets a clear 503 problem after a bounded
 * wait (the client's timeouts), never a hang or a 500, and nothing is saved.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = CatalogUnavailableTest.SilentCatalog.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class CatalogUnavailableTest {

    private static EnrolledPatient paul;

    @BeforeEach
    void paulIsEnrolled() {
        if (paul == null) {
            paul = enrol(NORTH_CHIRO, NORTH, "Paul", "Europe/Berlin");
        }
    }

    @Test
    void aCatalogThatAcceptsButNeverAnswersGivesA503WithinTheTimeout() {
        SilentCatalog.listen();
        long started = System.nanoTime();
        as(NORTH_CHIRO).body(fromRoutine("mid-back-relief", schedule(paul.today(), 1)))
                .post("/api/patients/" + paul.id() + "/plans").then()
                .statusCode(503).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:spinewise:problem:dependency-unavailable"))
                .body("detail", containsString("catalog"))
                .body("detail", containsString("nothing was saved"))
                .body(not(containsString("Exception")))
                .time(lessThan(10_000L));
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(2_500);
        as(NORTH_CHIRO).get("/api/patients/" + paul.id() + "/plans").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void aClosedPortGivesA503AtOnce() {
        SilentCatalog.close();
        as(NORTH_CHIRO).body(fromExercises(schedule(paul.today(), 1), "cat-cow"))
                .post("/api/patients/" + paul.id() + "/plans").then()
                .statusCode(503).contentType(PROBLEM_JSON)
                .time(lessThan(5_000L));
    }

    /** A TCP port that either accepts connections and never answers, or refuses them (closed). */
    public static class SilentCatalog implements QuarkusTestResourceLifecycleManager {

        private static int port;
        private static ServerSocket server;
        private static final List<Socket> HELD = new CopyOnWriteArrayList<>();

        @Override
        public Map<String, String> start() {
            port = io.spinewise.testsupport.JarProcess.freePort();
            listen();
            return Map.of("quarkus.rest-client.catalog.url", "http://127.0.0.1:" + port);
        }

        static synchronized void listen() {
            if (server != null) {
                return;
            }
            try {
                server = new ServerSocket();
                server.setReuseAddress(true);
                server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ServerSocket listening = server;
            Thread acceptor = new Thread(() -> {
                while (!listening.isClosed()) {
                    try {
                        HELD.add(listening.accept());
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "silent-catalog");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        static synchronized void close() {
            try {
                if (server != null) {
                    server.close();
                }
                for (Socket s : HELD) {
                    s.close();
                }
            } catch (IOException ignored) {
                // closing anyway
            }
            HELD.clear();
            server = null;
        }

        @Override
        public void stop() {
            close();
        }
    }
}
