package io.spinewise.testsupport.badinput;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Sends every case of a service's bad-input corpus ({@code src/test/resources/bad-input/*.json})
 * and checks each answer: one of the case's 4xx statuses, {@code application/problem+json} whose
 * {@code status} is the HTTP status, naming what the case says it must, and no internals.
 */
public final class BadInputCorpus {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Words that only a leaked exception or stack trace would put into an answer. */
    private static final List<String> INTERNALS = List.of("exception", "\tat ", "jackson", "hibernate", "org.postgresql", "vertx");

    private final List<BadInputCase> cases;

    private BadInputCorpus(List<BadInputCase> cases) {
        this.cases = cases;
    }

    /** The folder of a module's corpus, seen from the module's directory (where its tests run). */
    public static final Path FOLDER = Path.of("src", "test", "resources", "bad-input");

    /** The cases of the given files in {@link #FOLDER} (read there, so that a refreshed file is sent at once). */
    public static BadInputCorpus load(String... files) {
        List<BadInputCase> cases = new ArrayList<>();
        for (String file : files) {
            try (InputStream in = Files.newInputStream(FOLDER.resolve(file))) {
                cases.addAll(JSON.readValue(in, new TypeReference<List<BadInputCase>>() { }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new BadInputCorpus(cases);
    }

    /**
     * Sends every case to the service at {@code host:port}, each with the bearer token of its
     * {@code as} identity and the fixtures' values for its placeholders, and returns what came back.
     */
    public Outcome send(String host, int port, Map<String, String> tokens, Map<String, String> variables) {
        List<Result> results = new ArrayList<>();
        for (BadInputCase c : cases) {
            Map<String, String> headers = new LinkedHashMap<>();
            if (!"anonymous".equals(c.as())) {
                String token = tokens.get(c.as());
                if (token == null) {
                    throw new IllegalArgumentException("case '" + c.name() + "' is sent as " + c.as() + ", whom the test does not define");
                }
                headers.put("Authorization", "Bearer " + token);
            }
            if (c.body() != null) {
                headers.put("Content-Type", "application/json");
            }
            c.headers().forEach((name, value) -> headers.put(name, Templates.expand(value, variables)));
            headers.values().removeIf(String::isEmpty);
            String body = Templates.expand(c.body(), variables);
            RawHttp.Answer answer = RawHttp.send(host, port, c.method(), Templates.expand(c.target(), variables), headers,
                    body == null ? null : Templates.bytes(body));
            results.add(new Result(c, answer, problemsWith(c, answer)));
        }
        return new Outcome(results);
    }

    private static List<String> problemsWith(BadInputCase c, RawHttp.Answer answer) {
        List<String> problems = new ArrayList<>();
        if (!c.status().contains(answer.status())) {
            problems.add("status " + answer.status() + ", expected " + c.status());
        }
        if (answer.status() < 400 || answer.status() >= 500) {
            problems.add("not a 4xx");
        }
        if (BadInputCase.HTTP_CODEC.equals(c.answeredBy())) {
            if (!answer.body().isEmpty()) {
                problems.add("the HTTP codec's refusal has a body now: is it shaped by a handler? Make it a problem case");
            }
            return problems;
        }
        if (c.names() == null) {
            problems.add("the case names no word its problem must contain");
        }
        if (!answer.contentType().startsWith("application/problem+json")) {
            problems.add("Content-Type '" + answer.contentType() + "', not application/problem+json");
            return problems;
        }
        try {
            JsonNode problem = JSON.readTree(answer.body());
            if (problem.path("status").asInt() != answer.status() || !problem.path("type").isTextual() || !problem.path("title").isTextual()) {
                problems.add("not a complete problem (type, title, status " + answer.status() + ")");
            }
        } catch (IOException e) {
            problems.add("the problem is not JSON");
        }
        String lower = answer.body().toLowerCase(Locale.ROOT);
        if (c.names() != null && Arrays.stream(c.names().toLowerCase(Locale.ROOT).split("\\|")).noneMatch(lower::contains)) {
            problems.add("does not name '" + c.names() + "'");
        }
        INTERNALS.stream().filter(lower::contains).forEach(word -> problems.add("leaks '" + word.strip() + "'"));
        return problems;
    }

    /** One case sent: the answer, and what is wrong with it (nothing, when it passed). */
    public record Result(BadInputCase sent, RawHttp.Answer answer, List<String> problems) {

        public int status() {
            return answer.status();
        }

        String describe() {
            return sent.operation() + " [" + sent.name() + "] " + sent.method() + " " + RawHttp.abbreviate(sent.target())
                    + " -> " + answer.status() + " " + RawHttp.abbreviate(answer.body().replace('\n', ' ')) + ": " + String.join("; ", problems);
        }
    }

    /** Every case's result, with a summary table. */
    public record Outcome(List<Result> results) {

        public List<String> failures() {
            return results.stream().filter(r -> !r.problems().isEmpty()).map(Result::describe).toList();
        }

        /** Cases per operation and per kind, with the statuses seen. */
        public String summary() {
            StringBuilder out = new StringBuilder();
            out.append(String.format("%d cases, %d failed; statuses: %s%n", results.size(), failures().size(),
                    statuses(results)));
            out.append(table("operation", results.stream().collect(Collectors.groupingBy(r -> r.sent().operation(), TreeMap::new, Collectors.toList()))));
            out.append(table("kind", results.stream().collect(Collectors.groupingBy(r -> r.sent().kind(), TreeMap::new, Collectors.toList()))));
            return out.toString();
        }

        private static String table(String heading, Map<String, List<Result>> groups) {
            int width = Math.max(heading.length(), groups.keySet().stream().mapToInt(String::length).max().orElse(0));
            StringBuilder out = new StringBuilder(String.format("%n%-" + width + "s | cases | statuses%n", heading));
            out.append("-".repeat(width)).append("-|-------|---------\n");
            groups.forEach((name, rs) -> out.append(String.format("%-" + width + "s | %5d | %s%n", name, rs.size(), statuses(rs))));
            return out.toString();
        }

        private static String statuses(List<Result> results) {
            Map<Integer, Long> counts = results.stream().collect(Collectors.groupingBy(Result::status, TreeMap::new, Collectors.counting()));
            return counts.entrySet().stream().map(e -> e.getKey() + "×" + e.getValue()).collect(Collectors.joining(" "));
        }
    }
}
