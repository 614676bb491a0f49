package io.spinewise.fault;

import com.fasterxml.jackson.databind.JsonNode;
import io.spinewise.launcher.KeycloakLogins;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Patients checking sessions off as the app does: one fresh Idempotency-Key per check-off, and on
 * any failure (refused connection, timeout, 5xx, anything but 200/201) the same request with the
 * same key again, until it is acknowledged. Each client thread takes the next free session slot.
 */
final class CheckOffLoad {

    /** One session to check off: a plan's date and slot. */
    record Slot(Api.Patient patient, UUID plan, LocalDate date, int slot) {
    }

    /** A check-off the API acknowledged: the key sent, the id answered, and how many tries it took. */
    record Ack(String key, UUID id, Slot slot, int attempts) {
    }

    private static final Duration RETRY_PAUSE = Duration.ofMillis(100);
    /** Per check-off: longer than any restart of a part, so a failure to come back fails the test. */
    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(120);

    private final Queue<Slot> todo;
    private final int total;
    private final Queue<Ack> acks = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicLong lastAck = new AtomicLong();
    private final List<Thread> clients = new ArrayList<>();
    private final Queue<Throwable> errors = new ConcurrentLinkedQueue<>();

    CheckOffLoad(List<Slot> slots) {
        this.todo = new ConcurrentLinkedQueue<>(slots);
        this.total = slots.size();
    }

    void start(int threads) {
        for (int i = 0; i < threads; i++) {
            Thread client = new Thread(this::work, "check-off-client-" + i);
            clients.add(client);
            client.start();
        }
    }

    /** Waits until every slot is acknowledged; throws when a client gave up or failed. */
    void await() throws InterruptedException {
        for (Thread client : clients) {
            client.join();
        }
        if (!errors.isEmpty()) {
            throw new AssertionError("a check-off client failed", errors.peek());
        }
    }

    int acknowledged() {
        return acks.size();
    }

    int total() {
        return total;
    }

    /** When the latest acknowledgement arrived ({@link System#nanoTime()}). */
    long lastAckNanos() {
        return lastAck.get();
    }

    List<Ack> acks() {
        return List.copyOf(acks);
    }

    int requests() {
        return requests.get();
    }

    /** Failed answers by kind, e.g. {@code 503=12, connection=30}. */
    Map<String, AtomicInteger> failures() {
        return failures;
    }

    private void work() {
        try {
            for (Slot slot = todo.poll(); slot != null; slot = todo.poll()) {
                acks.add(checkOff(slot));
                lastAck.set(System.nanoTime());
            }
        } catch (Throwable e) {
            errors.add(e);
        }
    }

    private Ack checkOff(Slot slot) throws InterruptedException, IOException {
        String key = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        for (int attempt = 1; ; attempt++) {
            requests.incrementAndGet();
            String failure;
            try {
                HttpResponse<String> answer = Api.send(slot.patient().user(), "POST", FaultPlatform.PLAN + "/api/me/sessions",
                        Api.checkOff(slot.plan(), slot.date(), slot.slot()), Map.of("Idempotency-Key", key));
                if (answer.statusCode() == 201 || answer.statusCode() == 200) {
                    JsonNode body = Api.JSON.readTree(answer.body());
                    return new Ack(key, UUID.fromString(body.get("id").asText()), slot, attempt);
                }
                failure = Integer.toString(answer.statusCode());
                if (answer.statusCode() / 100 == 4) {
                    // a refusal of the request itself is a bug in the service or the test, not a fault to ride out
                    throw new AssertionError("check-off " + slot + " refused: " + answer.statusCode() + " " + answer.body());
                }
            } catch (IOException e) {
                failure = "connection";
            } catch (KeycloakLogins.LoginFailed e) {
                failure = "login";
            }
            failures.computeIfAbsent(failure, k -> new AtomicInteger()).incrementAndGet();
            if (System.nanoTime() > deadline) {
                throw new AssertionError("check-off " + slot + " not acknowledged after " + GIVE_UP_AFTER.toSeconds()
                        + " s of retries (last failure: " + failure + ")");
            }
            Thread.sleep(RETRY_PAUSE.toMillis());
        }
    }
}
