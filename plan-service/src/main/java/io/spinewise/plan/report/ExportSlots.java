package io.spinewise.plan.report;

import io.spinewise.common.problem.ProblemException;
import io.spinewise.plan.config.PlanConfig;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How many reports each clinic has running on this pod. A report holds a database connection while it
 * streams, as long as its reader takes: without a cap, a dozen slow ten-year exports would hold the
 * pool's connections for every clinic. Over the cap the next report is refused at once (a 429 problem
 * with {@code Retry-After}), not queued holding a request open.
 */
@ApplicationScoped
public class ExportSlots {

    /** About what a typical report takes, so the retry usually finds a free slot. */
    static final int RETRY_AFTER_SECONDS = 10;

    private final ConcurrentMap<String, Semaphore> running = new ConcurrentHashMap<>();

    @Inject
    PlanConfig config;

    /** A slot for one report of {@code clinicId}, to close when the report has ended; or a 429 problem. */
    public Slot take(String clinicId) {
        int cap = config.report().concurrentPerClinic();
        Semaphore slots = running.computeIfAbsent(clinicId, clinic -> new Semaphore(cap));
        if (!slots.tryAcquire()) {
            throw ProblemException.tooManyRequests("Your clinic already has " + cap + " reports running, the most"
                    + " it may run at once. Try again when one has finished.", RETRY_AFTER_SECONDS);
        }
        return new Slot(slots);
    }

    /**
     * A slot for one report of {@code clinicId} (or a 429 problem), freed when the answer to {@code exchange} has
     * been sent or the client has gone: a streamed file keeps its slot, like its connection, until its last byte.
     */
    public void holdUntilAnswered(String clinicId, RoutingContext exchange) {
        Slot slot = take(clinicId);
        exchange.addEndHandler(ended -> slot.close());
    }

    /** A taken slot; closing it more than once frees it once. */
    public static final class Slot implements AutoCloseable {

        private final Semaphore slots;
        private final AtomicBoolean open = new AtomicBoolean(true);

        private Slot(Semaphore slots) {
            this.slots = slots;
        }

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) {
                slots.release();
            }
        }
    }
}
