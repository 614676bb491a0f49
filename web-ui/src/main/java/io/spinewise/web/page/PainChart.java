package io.spinewise.web.page;

import io.spinewise.web.client.model.Adherence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Weekly pain (0–10, before and after sessions) as SVG polyline points, drawn on the server:
 * no chart library, no script, and a table of the same figures for screen readers. While only
 * one week has ratings there is no line to draw, so that week's dots are drawn larger, centred,
 * and labelled with their values.
 */
public record PainChart(int width, int height, String beforePoints, String afterPoints, List<Point> before,
                        List<Point> after, List<Adherence.Week> weeks, Adherence.Week singleWeek) {

    public static final int WIDTH = 320;
    public static final int HEIGHT = 120;
    private static final int PAD = 8;
    private static final int DOT = 3;
    private static final int SINGLE_DOT = 6;

    /** A dot: where it is drawn and the pain it stands for. */
    public record Point(double x, double y, double value) {
    }

    /** A value written next to a dot; {@code anchor} is the SVG text-anchor (start or end). */
    public record Label(double x, double y, String anchor, String kind, String text) {
    }

    /** No week has a rating: nothing to draw. */
    public boolean empty() {
        return before.isEmpty() && after.isEmpty();
    }

    /** Exactly one week has ratings: dots and their values, no lines. */
    public boolean single() {
        return singleWeek != null;
    }

    public int dotRadius() {
        return single() ? SINGLE_DOT : DOT;
    }

    /** Gridline heights for pain 0, 5 and 10. */
    public List<Double> grid() {
        return List.of(y(0), y(5), y(10));
    }

    /** The single week's values by its dots: "before" to the left, "after" to the right, never overlapping. */
    public List<Label> labels() {
        List<Label> labels = new ArrayList<>();
        if (!single()) {
            return labels;
        }
        for (Point p : before) {
            labels.add(new Label(round(p.x() - SINGLE_DOT - 4), baseline(p.y()), "end", "before",
                    "before " + value(p)));
        }
        for (Point p : after) {
            labels.add(new Label(round(p.x() + SINGLE_DOT + 4), baseline(p.y()), "start", "after",
                    "after " + value(p)));
        }
        return labels;
    }

    /** The accessible name of the drawing. */
    public String description() {
        if (!single()) {
            return "Weekly pain before (solid) and after sessions (dashed), 0 to 10";
        }
        StringBuilder text = new StringBuilder("Pain in the week of ").append(Formats.day(singleWeek.weekStart(), null));
        before.forEach(p -> text.append(", before sessions ").append(value(p)));
        after.forEach(p -> text.append(", after sessions ").append(value(p)));
        return text.append(", 0 to 10").toString();
    }

    public static PainChart of(Adherence.Pain pain) {
        List<Adherence.Week> weeks = pain == null ? List.of() : pain.weeksOrEmpty();
        List<Adherence.Week> rated = weeks.stream().filter(w -> w.before() != null || w.after() != null).toList();
        boolean single = rated.size() == 1;
        List<Point> before = new ArrayList<>();
        List<Point> after = new ArrayList<>();
        int n = weeks.size();
        for (int i = 0; i < n; i++) {
            // one rated week has no neighbour to be placed against: it goes in the middle
            double x = n == 1 || single ? WIDTH / 2.0 : PAD + i * (WIDTH - 2.0 * PAD) / (n - 1);
            Adherence.Week week = weeks.get(i);
            if (week.before() != null) {
                before.add(new Point(round(x), y(week.before()), week.before()));
            }
            if (week.after() != null) {
                after.add(new Point(round(x), y(week.after()), week.after()));
            }
        }
        return new PainChart(WIDTH, HEIGHT, points(before), points(after), before, after, weeks,
                single ? rated.get(0) : null);
    }

    private static double y(double pain) {
        return round(HEIGHT - PAD - pain * (HEIGHT - 2.0 * PAD) / 10.0);
    }

    /** A text baseline that centres an 11-unit label on the dot, kept inside the drawing. */
    private static double baseline(double dotY) {
        return round(Math.max(12, Math.min(HEIGHT - 3, dotY + 4)));
    }

    /** 6.0 → "6", 4.5 → "4.5". */
    private static String value(Point p) {
        String text = String.format(Locale.ROOT, "%.1f", p.value());
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }

    private static String points(List<Point> points) {
        StringBuilder text = new StringBuilder();
        for (Point p : points) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(String.format(Locale.ROOT, "%.1f,%.1f", p.x(), p.y()));
        }
        return text.toString();
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
