package io.spinewise.plan.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL with {@code :name} parameters for plain JDBC (used where JDBC streams or saves round
 * trips that an ORM would not). {@code ::casts} are left alone.
 */
final class NamedSql {

    private static final Pattern PARAMETER = Pattern.compile("(?<!:):([a-zA-Z][a-zA-Z0-9]*)");

    private final String sql;
    private final List<String> names;

    NamedSql(String named) {
        List<String> found = new ArrayList<>();
        Matcher m = PARAMETER.matcher(named);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            found.add(m.group(1));
            m.appendReplacement(out, "?");
        }
        m.appendTail(out);
        this.sql = out.toString();
        this.names = List.copyOf(found);
    }

    PreparedStatement prepare(Connection connection, Map<String, ?> values) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("no value for :" + name);
            }
            statement.setObject(i + 1, values.get(name));
        }
        return statement;
    }
}
