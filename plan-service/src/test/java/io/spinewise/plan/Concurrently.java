package io.spinewise.plan;

import io.quarkus.narayana.jta.QuarkusTransaction;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Work on several threads at once, each with its own transactions, as several replicas would run it. */
final class Concurrently {

    /** What a step the test takes while another transaction holds its rows. */
    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    private Concurrently() {
    }

    /** Runs {@code work} on {@code threads} threads released together; their results. */
    static <T> List<T> run(int threads, Callable<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return work.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * On another thread, in a transaction: {@code hold} (e.g. claim a row), then wait while {@code meanwhile}
     * runs here, then die: the transaction rolls back as when a pod is killed. What {@code hold} returned.
     */
    static <T> T holdThenRollBack(Supplier<T> hold, Step meanwhile) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch die = new CountDownLatch(1);
            List<T> result = new ArrayList<>();
            Future<?> pod = pool.submit(() -> {
                try {
                    QuarkusTransaction.requiringNew().run(() -> {
                        result.add(hold.get());
                        held.countDown();
                        try {
                            die.await(60, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        throw new IllegalStateException("the pod is killed before it sends");
                    });
                } catch (IllegalStateException expected) {
                    // rolled back, as intended
                }
            });
            if (!held.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the holding transaction never started");
            }
            try {
                meanwhile.run();
            } finally {
                die.countDown();
                pod.get(60, TimeUnit.SECONDS);
            }
            return result.get(0);
        } finally {
            pool.shutdownNow();
        }
    }
}
