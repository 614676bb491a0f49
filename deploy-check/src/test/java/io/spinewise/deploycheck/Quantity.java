package io.spinewise.deploycheck;

import java.util.Map;

/** Kubernetes resource quantities ("250m", "1", "768Mi", "2Gi") as plain numbers, for comparison. */
final class Quantity {

    private static final Map<String, Double> SUFFIXES = Map.of(
            "m", 1e-3,
            "k", 1e3, "M", 1e6, "G", 1e9, "T", 1e12,
            "Ki", 1024.0, "Mi", 1024.0 * 1024, "Gi", 1024.0 * 1024 * 1024, "Ti", 1024.0 * 1024 * 1024 * 1024);

    private Quantity() {
    }

    static double parse(String quantity) {
        String number = quantity.replaceAll("[A-Za-z]+$", "");
        String suffix = quantity.substring(number.length());
        if (!suffix.isEmpty() && !SUFFIXES.containsKey(suffix)) {
            throw new IllegalArgumentException("not a Kubernetes quantity: " + quantity);
        }
        return Double.parseDouble(number) * SUFFIXES.getOrDefault(suffix, 1.0);
    }
}
