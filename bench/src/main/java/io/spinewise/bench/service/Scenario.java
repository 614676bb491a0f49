package io.spinewise.bench.service;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.function.Supplier;

/**
 * One call under load: its name in the tables, the service that answers it (whose CPU is
 * measured), the concurrency levels it runs at, and where the next request comes from (called
 * from many threads at once).
 */
public record Scenario(String name, Target target, List<Integer> concurrency, Supplier<HttpRequest> next) {

    /** Which service a call goes to. */
    /** WEB: web-ui, measured by the page benchmark ({@code bench/run pages}). */
    public enum Target { PLAN, CATALOG, WEB }
}
