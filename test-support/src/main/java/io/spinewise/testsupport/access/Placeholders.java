package io.spinewise.testsupport.access;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The values that fill {@code {name}} in the matrix's request data: real ids from the fixtures
 * ({@code {plan}}) or fresh ones made for one request ({@code {freshPlan}}: a write that succeeds
 * then changes only what was made for it, never what later cells read).
 */
public final class Placeholders {

    private final Map<String, Supplier<String>> values = new LinkedHashMap<>();

    /** {@code {name}} is asked for once per request and then means the same value everywhere in it. */
    public Placeholders with(String name, Supplier<String> value) {
        values.put(name, value);
        return this;
    }

    public Placeholders with(String name, String value) {
        return with(name, () -> value);
    }

    Function<String, String> forOneRequest() {
        Map<String, String> asked = new HashMap<>();
        return name -> asked.computeIfAbsent(name, n -> {
            Supplier<String> value = values.get(n);
            if (value == null) {
                throw new IllegalArgumentException("The request data names {" + n + "}, which the test does not define"
                        + " (it defines " + values.keySet() + ").");
            }
            return value.get();
        });
    }
}
