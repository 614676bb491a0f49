package io.spinewise.bench.page;

import io.spinewise.bench.service.CpuMeter;
import io.spinewise.bench.service.LoadResult;
import io.spinewise.launcher.FormBrowser;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A closed loop of sign-ins: {@code concurrency} threads, each a browser of its own (one {@link FormBrowser}
 * and one HTTP client, whose connections it keeps as a browser does), signing in again and again as a user of its
 * own for a fixed time. Keycloak's and web-ui's CPU over the window go into the result's service and
 * database CPU fields ({@link SignInBench} prints them under their own names).
 */
final class SignInLoop {

    /** One sign-in; throws when any step answers other than a browser's sign-in expects. */
    interface SignIn {
        void perform(FormBrowser browser, String user) throws Exception;
    }

    private final CpuMeter keycloak;
    private final CpuMeter webUi;
    private final List<String> users;

    SignInLoop(CpuMeter keycloak, CpuMeter webUi, List<String> users) {
        this.keycloak = keycloak;
        this.webUi = webUi;
        this.users = users;
    }

    LoadResult run(String name, int concurrency, Duration window, SignIn signIn) {
        double keycloakBefore = keycloak.total().toNanos() / 1e9;
        double webUiBefore = webUi.total().toNanos() / 1e9;
        long start = System.nanoTime();
        long end = start + window.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<long[]> latencies = new ArrayList<>();
        long errors = 0;
        try {
            List<Future<Worker>> futures = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                int first = i;
                futures.add(pool.submit(() -> new Worker().loop(signIn, first, end)));
            }
            for (Future<Worker> f : futures) {
                Worker w = f.get();
                latencies.add(Arrays.copyOf(w.nanos, w.size));
                errors += w.errors;
                if (w.firstError != null) {
                    System.err.println("  " + name + " at " + concurrency + ": " + w.errors + " errors, first: "
                            + w.firstError);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("sign-in worker failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).toArray();
        return LoadResult.of(name, concurrency, errors, elapsed, all, 0,
                keycloak.total().toNanos() / 1e9 - keycloakBefore, webUi.total().toNanos() / 1e9 - webUiBefore);
    }

    /** One thread's browser and what it measured. */
    private final class Worker {
        private final FormBrowser browser = new FormBrowser(SignInBench.client());
        long[] nanos = new long[1024];
        int size;
        long errors;
        String firstError;

        Worker loop(SignIn signIn, int first, long end) {
            // one user per client: Keycloak refuses a user's second sign-in while the first is under way
            String user = users.get(first % users.size());
            while (System.nanoTime() < end) {
                long sent = System.nanoTime();
                try {
                    signIn.perform(browser, user);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return this;
                } catch (Exception e) {
                    errors++;
                    if (firstError == null) {
                        firstError = e.toString();
                    }
                    continue;
                }
                if (size == nanos.length) {
                    nanos = Arrays.copyOf(nanos, size * 2);
                }
                nanos[size++] = System.nanoTime() - sent;
            }
            return this;
        }
    }
}
