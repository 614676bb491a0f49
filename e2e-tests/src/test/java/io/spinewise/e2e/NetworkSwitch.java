package io.spinewise.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Cuts a Chromium's network and gives it back, for its page <em>and</em> its service workers. The
 * page's emulation (chromedriver's CDP command) sets {@code navigator.onLine} and fires
 * {@code offline}/{@code online}, but a service worker fetches on a target of its own, which
 * chromedriver cannot address: this speaks the DevTools protocol to the browser itself (chromedriver's
 * debugging port, {@code goog:chromeOptions.debuggerAddress}), attaches to every service worker target
 * and applies the same emulation there. Without it a page reloaded "offline" would still be fetched
 * by the worker from the network.
 */
final class NetworkSwitch implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChromeDriver driver;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> answers = new ConcurrentHashMap<>();
    private final Map<String, String> workerSessions = new ConcurrentHashMap<>();

    NetworkSwitch(ChromeDriver driver) {
        this.driver = driver;
        Object options = driver.getCapabilities().getCapability("goog:chromeOptions");
        String address = String.valueOf(((Map<?, ?>) options).get("debuggerAddress"));
        HttpClient http = HttpClient.newHttpClient();
        try {
            String version = http.send(HttpRequest.newBuilder(URI.create("http://" + address + "/json/version")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String url = JSON.readTree(version).get("webSocketDebuggerUrl").asText();
            socket = http.newWebSocketBuilder().buildAsync(URI.create(url), new Listener()).get(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("no DevTools connection to Chromium at " + address, e);
        }
    }

    /**
     * Offline or online, the page and every service worker of the browser. Back online, the workers first:
     * the page's {@code online} event makes it send at once, and a request the worker passes on (a POST)
     * goes out under the worker's conditions.
     */
    void online(boolean online) {
        Map<String, Object> conditions = Map.of("offline", !online, "latency", 0, "downloadThroughput", -1,
                "uploadThroughput", -1);
        if (!online) {
            page(conditions);
        }
        workers(conditions);
        if (online) {
            page(conditions);
        }
    }

    private void page(Map<String, Object> conditions) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", conditions);
        // newer Chromium keeps navigator.onLine apart: without this it stays false after going back online
        driver.executeCdpCommand("Network.overrideNetworkState", conditions);
    }

    private void workers(Map<String, Object> conditions) {
        for (JsonNode target : send(null, "Target.getTargets", Map.of()).get("targetInfos")) {
            if ("service_worker".equals(target.get("type").asText())) {
                // one session per worker: a second one's conditions would not lift the first one's
                String session = workerSessions.computeIfAbsent(target.get("targetId").asText(),
                        id -> send(null, "Target.attachToTarget", Map.of("targetId", id, "flatten", true))
                                .get("sessionId").asText());
                send(session, "Network.enable", Map.of());
                send(session, "Network.emulateNetworkConditions", conditions);
            }
        }
    }

    private JsonNode send(String session, String method, Map<String, Object> params) {
        int id = ids.incrementAndGet();
        Map<String, Object> message = new HashMap<>(Map.of("id", id, "method", method, "params", params));
        if (session != null) {
            message.put("sessionId", session);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        answers.put(id, answer);
        try {
            socket.sendText(JSON.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
            JsonNode reply = answer.get(10, TimeUnit.SECONDS);
            if (reply.has("error")) {
                throw new IllegalStateException(method + ": " + reply.get("error"));
            }
            return reply.get("result");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException(method + " got no answer", e);
        } finally {
            answers.remove(id);
        }
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }

    /** Answers by id; events (no id) are not needed. */
    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(partial.toString());
                    CompletableFuture<JsonNode> answer = message.has("id")
                            ? answers.get(message.get("id").asInt()) : null;
                    if (answer != null) {
                        answer.complete(message);
                    }
                } catch (IOException e) {
                    // not an answer of ours
                } finally {
                    partial.setLength(0);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
