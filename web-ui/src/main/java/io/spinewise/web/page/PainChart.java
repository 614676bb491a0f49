package io.spinewise.web.page;

import io.spinewise.web.client.model.Adherence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Weekly pain (0–10, before and after sessions) as SVG polyline points, drawn on the server:
 * no chart library, no script, and a table of the same figures for screen readers.
 */
public record PainChart(int width, int height, String beforePoints, String afterPoints, List<Point> before,
                        List<Point> after, List<Adherence.Week> weeks) {

    public static final int WIDTH = 320;
    public static final int HEIGHT = 120;
    private static final int PAD = 8;

    public record Point(double x, double y) {
    }

    public boolean empty() {
        return weeks.isEmpty();
    }

    /** Gridline heights for pain 0, 5 and 10. */
    public List<Double> grid() {
        return List.of(y(0), y(5), y(10));
    }

    public static PainChart of(Adherence.Pain pain) {
        List<Adherence.Week> weeks = pain == null ? List.of() : pain.weeksOrEmpty();
        List<Point> before = new ArrayList<>();
        List<Point> after = new ArrayList<>();
        int n = weeks.size();
        for (int i = 0; i < n; i++) {
            double x = n == 1 ? WIDTH / 2.0 : PAD + i * (WIDTH - 2.0 * PAD) / (n - 1);
            Adherence.Week week = weeks.get(i);
            if (week.before() != null) {
                before.add(new Point(round(x), y(week.before())));
            }
            if (week.after() != null) {
                after.add(new Point(round(x), y(week.after())));
            }
        }
        return new PainChart(WIDTH, HEIGHT, points(before), points(after), before, after, weeks);
    }

    private static double y(double pain) {
        return round(HEIGHT - PAD - pain * (HEIGHT - 2.0 * PAD) / 10.0);
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
