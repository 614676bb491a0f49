package io.spinewise.e2e.oracle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one path got wrong, per history, and a report that lets a reader reproduce it: the seed
 * (and how to run it again), each mismatch with the differing day, and the histories in full.
 */
public final class Mismatches {

    private static final int HISTORIES_SHOWN = 5;

    private final long seed;
    private final String path;
    private final Map<History, List<String>> byHistory = new LinkedHashMap<>();

    public Mismatches(long seed, String path) {
        this.seed = seed;
        this.path = path;
    }

    public synchronized void add(History history, String what) {
        byHistory.computeIfAbsent(history, h -> new ArrayList<>()).add(what);
    }

    /** How many histories this path got wrong. */
    public synchronized int count() {
        return byHistory.size();
    }

    public synchronized String report() {
        StringBuilder out = new StringBuilder();
        out.append(path).append(": ").append(byHistory.size()).append(" histories differ from the definition (seed ")
                .append(seed).append("; run again with -Dspinewise.oracle.seed=").append(seed).append(")\n");
        int shown = 0;
        for (Map.Entry<History, List<String>> e : byHistory.entrySet()) {
            if (shown++ == HISTORIES_SHOWN) {
                out.append("... and ").append(byHistory.size() - HISTORIES_SHOWN).append(" more: patients ");
                byHistory.keySet().stream().skip(HISTORIES_SHOWN).limit(50)
                        .forEach(h -> out.append('#').append(h.number()).append(' '));
                out.append('\n');
                break;
            }
            out.append("--- patient #").append(e.getKey().number()).append(":\n");
            e.getValue().stream().limit(10).forEach(m -> out.append("  ").append(m).append('\n'));
            out.append(e.getKey().describe());
        }
        return out.toString();
    }
}
