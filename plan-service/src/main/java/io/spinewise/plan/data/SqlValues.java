package io.spinewise.plan.data;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The values of a {@link NamedSql} statement's parameters, by name; null is a value too. */
public final class SqlValues {

    private final Map<String, Object> values = new HashMap<>();

    private SqlValues() {
    }

    /** For a statement without parameters. */
    public static SqlValues none() {
        return new SqlValues();
    }

    public static SqlValues of(String name, Object value) {
        return new SqlValues().and(name, value);
    }

    public SqlValues and(String name, Object value) {
        values.put(name, value);
        return this;
    }

    /** The value to bind: an instant as a timestamp, which the SQL casts to {@code timestamptz}. */
    Object bound(String name) {
        Object value = get(name);
        return value instanceof Instant instant ? Timestamp.from(instant) : value;
    }

    /** The value as a setting's text (ISO-8601 for an instant or a date); null as the empty text. */
    String text(String name) {
        Object value = get(name);
        return value == null ? "" : value.toString();
    }

    private Object get(String name) {
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException("no value for :" + name);
        }
        return values.get(name);
    }
}
