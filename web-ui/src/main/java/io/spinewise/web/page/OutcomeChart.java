package io.spinewise.web.page;

import io.spinewise.web.client.model.Outcome;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One instrument's scores over time as SVG drawn on the server, in the pain chart's style: the instrument's whole
 * range top to bottom, the scores by their due dates, the baseline as a dashed line and the band of one MCID either
 * side of it shaded, so a score outside the band has moved by at least the MCID. The template adds a table of the
 * same figures for screen readers. One score is drawn as a larger dot in the middle.
 */
public record OutcomeChart(String id, Outcome outcome, int width, int height, String points, List<Dot> dots,
                           Double baselineY, Double bandTop, Double bandHeight) {

    public static final int WIDTH = 320;
    public static final int HEIGHT = 140;
    private static final int PAD = 10;
    private static final int DOT = 3;
    private static final int SINGLE_DOT = 6;

    /** A score where it is drawn. */
    public record Dot(double x, double y, double value) {
    }

    public static OutcomeChart of(Outcome outcome) {
        List<Outcome.Score> scores = outcome.scoresOrEmpty().stream().filter(s -> s.score() != null).toList();
        List<Dot> dots = new ArrayList<>();
        LocalDate first = scores.isEmpty() ? null : scores.get(0).dueDate();
        long span = scores.isEmpty() ? 0 : ChronoUnit.DAYS.between(first, scores.get(scores.size() - 1).dueDate());
        for (Outcome.Score s : scores) {
            double x = span == 0 ? WIDTH / 2.0
                    : PAD + ChronoUnit.DAYS.between(first, s.dueDate()) * (WIDTH - 2.0 * PAD) / span;
            dots.add(new Dot(round(x), y(outcome, s.score()), s.score()));
        }
        Double baseline = outcome.baseline();
        Double baselineY = baseline == null ? null : y(outcome, baseline);
        Double bandTop = null;
        Double bandHeight = null;
        if (baseline != null) {
            bandTop = y(outcome, Math.min(outcome.maxScore(), baseline + outcome.mcid()));
            bandHeight = round(y(outcome, Math.max(outcome.minScore(), baseline - outcome.mcid())) - bandTop);
        }
        return new OutcomeChart("outcome-" + outcome.instrument().toLowerCase(Locale.ROOT), outcome, WIDTH, HEIGHT,
                points(dots), dots, baselineY, bandTop, bandHeight);
    }

    /** No score yet: nothing to draw. */
    public boolean empty() {
        return dots.isEmpty();
    }

    public int dotRadius() {
        return dots.size() == 1 ? SINGLE_DOT : DOT;
    }

    /** The accessible name of the drawing: every score in words, the range and what the band means. */
    public String description() {
        StringBuilder text = new StringBuilder(outcome.instrument()).append(" scores");
        List<Outcome.Score> scores = outcome.scoresOrEmpty();
        for (int i = 0; i < scores.size() && i < dots.size(); i++) {
            text.append(i == 0 ? ": " : ", ").append(Formats.day(scores.get(i).dueDate(), null)).append(' ')
                    .append(number(dots.get(i).value()));
        }
        text.append(" (scale ").append(number(outcome.minScore())).append(" to ").append(number(outcome.maxScore()))
                .append(')');
        if (outcome.baseline() != null) {
            text.append(". Shaded: the baseline ").append(number(outcome.baseline())).append(" plus or minus the MCID of ")
                    .append(number(outcome.mcid())).append(" points");
        }
        return text.append('.').toString();
    }

    public String baselineText() {
        return number(outcome.baseline());
    }

    public String latestText() {
        return number(outcome.latest());
    }

    public String changeText() {
        return signed(outcome.change());
    }

    /** "2 points" of the MCID, and the scale's ends. */
    public String mcidText() {
        return number(outcome.mcid());
    }

    public String scaleText() {
        return number(outcome.minScore()) + " to " + number(outcome.maxScore());
    }

    public String scoreText(Outcome.Score score) {
        return number(score.score());
    }

    /** 6.0 → "6", 4.5 → "4.5". */
    static String number(Double value) {
        if (value == null) {
            return "–";
        }
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }

    /** The change with its sign: "+2", "−3.5", "0". */
    static String signed(Double value) {
        if (value == null) {
            return "–";
        }
        return value > 0 ? "+" + number(value) : value < 0 ? "−" + number(-value) : "0";
    }

    private static double y(Outcome outcome, double score) {
        double range = outcome.maxScore() - outcome.minScore();
        double share = range <= 0 ? 0.5 : (score - outcome.minScore()) / range;
        return round(HEIGHT - PAD - share * (HEIGHT - 2.0 * PAD));
    }

    private static String points(List<Dot> dots) {
        StringBuilder text = new StringBuilder();
        for (Dot d : dots) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(String.format(Locale.ROOT, "%.1f,%.1f", d.x(), d.y()));
        }
        return text.toString();
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
