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
 * The series the production alerts ({@code k8s/overlays/prod/alerts.yaml}) select, and a check that a
 * service's own {@code /q/metrics} answer has each of them: an alert on a metric or a label value that no
 * longer exists (a renamed path, a metric a new extension version names differently) never fires, and
 * nobody notices until the outage it was meant for.
 */
public final class AlertRules {

    private static final Path RULES = Path.of("../k8s/overlays/prod/alerts.yaml");
    /** {@code metric{matchers}}: every selector in the rules names its labels (functions are followed by "("). */
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)}");
    private static final Pattern MATCHER = Pattern.compile("(\\w+)\\s*(=~|!=|!~|=)\\s*\"([^\"]*)\"");

    /** One selector of an alert: the metric and its exact ({@code =}) label values other than {@code service}. */
    public record Selector(String alert, String metric, Map<String, String> exactLabels) {
    }

    private AlertRules() {
    }

    /** The selectors of every alert whose {@code service} matcher names {@code service} (by = or by an alternation). */
    public static List<Selector> of(String service) {
        List<Selector> selectors = new ArrayList<>();
        for (JsonNode group : read().path("spec").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                Matcher m = SELECTOR.matcher(rule.path("expr").asText());
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
                        selectors.add(new Selector(rule.path("alert").asText(), m.group(1), exact));
                    }
                }
            }
        }
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

    private static JsonNode read() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(Files.readString(RULES));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RULES.toAbsolutePath(), e);
        }
    }
}
