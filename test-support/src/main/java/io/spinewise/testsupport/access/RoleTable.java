package io.spinewise.testsupport.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The role table of {@code docs/architecture.md} ("Roles"): one row per capability, whether a
 * chiropractor, a clinic administrator and a patient have it, the API operations that serve it
 * and the web-ui pages that offer it. The services' access matrices
 * ({@link AccessMatrix#disagreementsWith}) and web-ui's navigation are held to it, so the design,
 * the API and the pages cannot drift apart. Plain JDK code, so that the end-to-end tests can read it.
 */
public final class RoleTable {

    /** The realm roles, as the table's column headers. */
    public static final List<String> ROLES = List.of("chiropractor", "clinic-admin", "patient");

    /** A cell that grants the capability in full; "–" denies it, any other text grants part of it. */
    public static final String YES = "✓";
    public static final String NO = "–";

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    /** One capability: the role cells in {@link #ROLES} order, its operations and its pages. */
    public record Row(String capability, List<String> cells, Set<String> operations, Set<String> pages) {

        public String cell(String role) {
            return cells.get(ROLES.indexOf(role));
        }
    }

    private final List<Row> rows;

    private RoleTable(List<Row> rows) {
        this.rows = rows;
    }

    /** The table as committed, seen from a module's directory (where tests run). */
    public static RoleTable read() {
        Path file = Path.of("..", "docs", "architecture.md");
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RoleTable parse(String markdown) {
        List<String> header = List.of("capability", "chiropractor", "clinic-admin", "patient", "API operations",
                "web-ui pages");
        List<Row> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : markdown.split("\n")) {
            if (!line.startsWith("|")) {
                if (inTable) {
                    break;
                }
                continue;
            }
            List<String> cells = Arrays.stream(line.strip().substring(1, line.strip().length() - 1).split("\\|", -1))
                    .map(String::strip).toList();
            if (!inTable) {
                inTable = cells.equals(header);
                continue;
            }
            if (cells.get(0).startsWith("---")) {
                continue;
            }
            rows.add(new Row(cells.get(0), cells.subList(1, 4), codes(cells.get(4)), codes(cells.get(5))));
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("docs/architecture.md has no role table with the header | "
                    + String.join(" | ", header) + " |");
        }
        return new RoleTable(rows);
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** The pages of every row that grants {@code role} the capability in full. */
    public Set<String> pagesOf(String role) {
        Set<String> pages = new LinkedHashSet<>();
        rows.stream().filter(r -> YES.equals(r.cell(role))).forEach(r -> pages.addAll(r.pages()));
        return pages;
    }

    /** Every page the table names. */
    public Set<String> allPages() {
        Set<String> pages = new LinkedHashSet<>();
        rows.forEach(r -> pages.addAll(r.pages()));
        return pages;
    }

    private static Set<String> codes(String cell) {
        Set<String> codes = new LinkedHashSet<>();
        Matcher m = CODE.matcher(cell);
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }
}
