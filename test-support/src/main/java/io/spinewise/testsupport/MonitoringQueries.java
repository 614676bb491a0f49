package io.spinewise.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The series the production alerts ({@code k8s/overlays/prod/alerts.yaml}) and the Grafana dashboard
 * ({@code dashboard.yaml}) select, and a check that a service's own {@code /q/metrics} answer has each of
 * them: an alert on a metric or a label value that no longer exists (a renamed path, a metric a new
 * extension version names differently) never fires, and nobody notices until the outage it was meant for.
 */
public final class MonitoringQueries {

    private static final Path RULES = Path.of("../k8s/overlays/prod/alerts.yaml");
    private static final Path DASHBOARD = Path.of("../k8s/overlays/prod/dashboard.yaml");
    /** {@code metric{matchers}}: every selector in the rules names its labels (functions are followed by "("). */
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)}");
    private static final Pattern MATCHER = Pattern.compile("(\\w+)\\s*(=~|!=|!~|=)\\s*\"([^\"]*)\"");

    /** One selector of a query: where it is, the metric and its exact ({@code =}) label values but {@code service}. */
    public record Selector(String usedBy, String metric, Map<String, String> exactLabels) {
    }

    private MonitoringQueries() {
    }

    /**
     * The selectors of every alert and dashboard query whose {@code service} matcher names {@code service}
     * (by = or by an alternation).
     */
    public static List<Selector> of(String service) {
        Map<String, String> queries = new LinkedHashMap<>();
        for (JsonNode group : read(RULES).path("spec").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                queries.put("alert " + rule.path("alert").asText(), rule.path("expr").asText());
            }
        }
        try {
            JsonNode dashboard = new ObjectMapper().readTree(read(DASHBOARD).path("data").path("spinewise.json").asText());
            for (JsonNode panel : dashboard.path("panels")) {
                for (JsonNode target : panel.path("targets")) {
                    queries.put("panel " + panel.path("title").asText() + " " + target.path("refId").asText(),
                            target.path("expr").asText());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the dashboard is not JSON", e);
        }
        List<Selector> selectors = new ArrayList<>();
        queries.forEach((usedBy, query) -> {
            Matcher m = SELECTOR.matcher(query);
            while (m.find()) {
                Map<String, String> exact = new LinkedHashMap<>();
                boolean forService = false;
                Matcher label = MATCHER.matcher(m.group(2));
                while (label.find()) {
                    if (label.group(1).equals("service")) {
                        forService = List.of(label.group(3).split("\\|")).contains(service);
                    } else if (label.group(2).equals("=")) {
                        exact.put(label.group(1), label.group(3));
                    }
                }
                if (forService) {
                    selectors.add(new Selector(usedBy, m.group(1), exact));
                }
            }
        });
        return selectors;
    }

    /** The selectors that no sample of {@code prometheusText} matches (by metric name and exact labels). */
    public static List<Selector> unmatched(List<Selector> selectors, String prometheusText) {
        List<String> samples = prometheusText.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        return selectors.stream().filter(s -> samples.stream().noneMatch(sample -> matches(s, sample))).toList();
    }

    private static boolean matches(Selector selector, String sample) {
        int brace = sample.indexOf('{');
        int space = sample.indexOf(' ');
        String name = sample.substring(0, brace >= 0 && brace < space ? brace : space);
        if (!name.equals(selector.metric())) {
            return false;
        }
        return selector.exactLabels().entrySet().stream()
                .allMatch(e -> sample.contains(e.getKey() + "=\"" + e.getValue() + "\""));
    }

    private static JsonNode read(Path file) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), e);
        }
    }
}
