package io.spinewise.plan.data;

import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way plan-service runs hand-written SQL: text with {@code :name} parameters ({@code ::casts}
 * are left alone), bound by name from {@link SqlValues}, columns read by name. A parameter that may be
 * null is written {@code CAST(:name AS type)}, so its type never depends on the value.
 *
 * <p>Plain JDBC with this small helper rather than a library such as Jdbi: the hand-written statements
 * are few, two of them need the raw connection anyway (the single-round-trip check-off, the COPY
 * stream), and they run on the JTA transaction's connection beside Hibernate, which a second mapping
 * layer would have to be taught to leave alone.
 */
public final class NamedSql {

    private static final Pattern PARAMETER = Pattern.compile("(?<!:):([a-zA-Z][a-zA-Z0-9]*)");

    /** The prefix of the transaction-local settings that carry a COPY's parameters. */
    static final String SETTING_PREFIX = "spinewise.sql_";

    private final String jdbc;
    private final String fromSettings;
    private final List<String> names;

    public NamedSql(String named) {
        List<String> found = new ArrayList<>();
        StringBuilder jdbcText = new StringBuilder();
        StringBuilder settingsText = new StringBuilder();
        Matcher m = PARAMETER.matcher(named);
        while (m.find()) {
            found.add(m.group(1));
            m.appendReplacement(jdbcText, "?");
        }
        m.appendTail(jdbcText);
        m.reset();
        while (m.find()) {
            m.appendReplacement(settingsText, Matcher.quoteReplacement(setting(m.group(1))));
        }
        m.appendTail(settingsText);
        this.jdbc = jdbcText.toString();
        this.fromSettings = settingsText.toString();
        this.names = List.copyOf(found);
    }

    /** The statement with every parameter bound; the caller closes it. */
    public PreparedStatement prepare(Connection connection, SqlValues values) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(jdbc);
        for (int i = 0; i < names.size(); i++) {
            statement.setObject(i + 1, values.bound(names.get(i)));
        }
        return statement;
    }

    /**
     * Streams the query's rows as CSV with a header, written by the server ({@code COPY ... TO STDOUT}),
     * into {@code out}; returns the number of rows. COPY takes no bind parameters, so each value is first
     * bound into a transaction-local setting that the query reads back (null as the empty text): no
     * caller's text is ever spliced into SQL. The caller runs this in a transaction.
     */
    public long copyCsv(Connection connection, SqlValues values, OutputStream out) throws SQLException, IOException {
        StringBuilder settings = new StringBuilder("SELECT 1");
        List<String> distinct = names.stream().distinct().toList();
        distinct.forEach(name -> settings.append(", set_config(?, ?, true)"));
        try (PreparedStatement s = connection.prepareStatement(settings.toString())) {
            int i = 1;
            for (String name : distinct) {
                s.setString(i++, SETTING_PREFIX + name.toLowerCase(Locale.ROOT));
                s.setString(i++, values.text(name));
            }
            s.executeQuery().close();
        }
        return connection.unwrap(PGConnection.class).getCopyAPI().copyOut(copyStatement(), out);
    }

    /** The COPY statement {@link #copyCsv} runs, its parameters read from the settings. */
    public String copyStatement() {
        return "COPY (" + fromSettings + ") TO STDOUT WITH (FORMAT csv, HEADER)";
    }

    /** The statement's first line, enough to name it in a failure. */
    @Override
    public String toString() {
        return jdbc.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("") + " …";
    }

    private static String setting(String name) {
        return "nullif(current_setting('" + SETTING_PREFIX + name.toLowerCase(Locale.ROOT) + "'), '')";
    }
}
