package io.spinewise.bench.service;

import com.sun.management.GarbageCollectionNotificationInfo;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * What else happened while an open loop ran, for {@link Stalls}: PostgreSQL's log lines (checkpoints, autovacuum,
 * with {@code --diagnose} also statements over 20 ms and lock waits), the load generator's own garbage collections,
 * and with {@code --diagnose} the wait events of PostgreSQL's busy processes sampled every few milliseconds from
 * {@code pg_stat_activity} (a poor man's active session history).
 */
final class StallEvents implements AutoCloseable {

    /** The server's log lines (the default {@code log_line_prefix = '%m [%p] '}, in UTC): time, pid, level, message. */
    private static final Pattern LOG_LINE = Pattern.compile(
            "^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}) UTC \\[\\d+\\] (\\w+): +(.*)$");
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final String BUSY = """
            SELECT backend_type, coalesce(wait_event_type || ':' || wait_event, 'on CPU')
            FROM pg_stat_activity
            WHERE pid <> pg_backend_pid() AND coalesce(wait_event_type, '') NOT IN ('Activity', 'Client')
              AND (backend_type <> 'client backend' OR state = 'active')""";

    private static final String GENERATOR_GC = "load generator GC";

    private final Path serverLog;
    private final ConcurrentLinkedQueue<Stalls.Event> events = new ConcurrentLinkedQueue<>();
    private final List<Runnable> undo = new ArrayList<>();
    private volatile boolean sampling;
    private Thread sampler;

    private StallEvents(Path serverLog) {
        this.serverLog = serverLog;
    }

    /** Starts listening; with {@code sampleWaits}, samples PostgreSQL's wait events every {@code everyMillis}. */
    static StallEvents start(BenchDatabase db, boolean sampleWaits, int everyMillis) {
        StallEvents e = new StallEvents(db.log());
        e.listenToCollections();
        if (sampleWaits) {
            e.sampleWaits(db, everyMillis);
        }
        return e;
    }

    /** Every event between {@code fromMicros} and {@code toMicros} (since the epoch), the server's log included. */
    List<Stalls.Event> between(long fromMicros, long toMicros) {
        List<Stalls.Event> all = new ArrayList<>(events);
        all.addAll(serverLog());
        return all.stream().filter(e -> e.micros() >= fromMicros && e.micros() <= toMicros).toList();
    }

    private List<Stalls.Event> serverLog() {
        List<Stalls.Event> lines = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(serverLog)) {
                Matcher m = LOG_LINE.matcher(line);
                if (m.matches()) {
                    long micros = LocalDateTime.parse(m.group(1), LOG_TIME).toInstant(ZoneOffset.UTC).toEpochMilli() * 1000;
                    lines.add(new Stalls.Event(micros, "PostgreSQL log", kind(m.group(3))));
                }
            }
        } catch (IOException e) {
            lines.add(new Stalls.Event(0, "PostgreSQL log", "unreadable: " + e.getMessage()));
        }
        return lines;
    }

    /** The load generator's collections among {@code events}: how many, and the longest. */
    static String collections(List<Stalls.Event> events) {
        List<Long> pauses = events.stream().filter(e -> e.source().equals(GENERATOR_GC))
                .map(e -> Long.parseLong(e.what().replaceAll("^.*\\((\\d+) ms\\)$", "$1"))).toList();
        return pauses.isEmpty() ? "none" : pauses.size() + ", longest " + pauses.stream().mapToLong(Long::longValue)
                .max().orElse(0) + " ms";
    }

    /** A log message reduced to its kind, so that lines can be counted. */
    static String kind(String message) {
        if (message.startsWith("duration:")) {
            return "statement over log_min_duration_statement";
        }
        if (message.startsWith("automatic vacuum") || message.startsWith("automatic analyze")) {
            return message.replaceAll("^(automatic \\w+) of table \"([^\"]+)\".*$", "$1 of $2");
        }
        if (message.contains("still waiting for")) {
            return "lock wait: " + message.replaceAll("^.*still waiting for (\\w+).*$", "$1");
        }
        return message.length() > 40 ? message.substring(0, 40) : message;
    }

    private void listenToCollections() {
        long jvmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
        NotificationListener listener = (Notification n, Object handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                        .from((CompositeData) n.getUserData());
                long micros = (jvmStartMillis + info.getGcInfo().getStartTime()) * 1000;
                events.add(new Stalls.Event(micros, GENERATOR_GC, info.getGcName() + " ("
                        + info.getGcInfo().getDuration() + " ms)"));
            }
        };
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                undo.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (ListenerNotFoundException ignored) {
                        // already gone
                    }
                });
            }
        }
    }

    private void sampleWaits(BenchDatabase db, int everyMillis) {
        sampling = true;
        sampler = new Thread(() -> {
            try (Connection c = db.connect("plan"); Statement s = c.createStatement()) {
                while (sampling) {
                    long micros = System.currentTimeMillis() * 1000;
                    try (ResultSet r = s.executeQuery(BUSY)) {
                        while (r.next()) {
                            events.add(new Stalls.Event(micros, "PostgreSQL " + r.getString(1), r.getString(2)));
                        }
                    }
                    Thread.sleep(everyMillis);
                }
            } catch (SQLException e) {
                events.add(new Stalls.Event(System.currentTimeMillis() * 1000, "wait sampler", "stopped: " + e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "pg-wait-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    @Override
    public void close() {
        sampling = false;
        if (sampler != null) {
            try {
                sampler.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        undo.forEach(Runnable::run);
    }
}
