package io.spinewise.bench.page;

import io.spinewise.bench.service.CpuMeter;
import io.spinewise.bench.service.LoadResult;
import io.spinewise.bench.service.Report;
import io.spinewise.launcher.FormBrowser;
import io.spinewise.launcher.Platform;
import io.spinewise.launcher.Readiness;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench/run signin}: sign-ins per second through web-ui and Keycloak as a browser makes them, against
 * Keycloak's own password grant ({@code clinic-cli}) for the same users at the same concurrency, on the local
 * stack ({@code ./spinewise up}). A browser sign-in ({@link #codeFlow}): a page of web-ui → 302 to Keycloak's
 * authorization endpoint → its login form → the credentials posted → 302 to web-ui's callback with a code →
 * web-ui exchanges the code for tokens and answers with its session cookies. Each sign-in starts with no cookies,
 * as a new browser does; each client signs in as a user of its own ({@link BenchUsers}, or {@code --users} with a
 * password of {@code demo}). Prints both rates, their ratio (issue 15: ≥ 80 %) and the CPU Keycloak and web-ui spent
 * per sign-in; asserts nothing.
 */
public final class SignInBench {

    private static final double TARGET_SHARE = 0.8;

    private final String web;
    private final String issuer;
    private final List<String> users;
    private final String password;

    private SignInBench(String web, String issuer, List<String> users, String password) {
        // users: at least one per concurrent client, each client signing in as its own
        this.web = web;
        this.issuer = issuer;
        this.users = users;
        this.password = password;
    }

    public static void main(String[] args) throws Exception {
        String web = "http://localhost:" + Platform.WEB_PORT;
        String issuer = "http://localhost:" + Platform.KEYCLOAK_PORT + "/realms/clinic";
        List<String> users = List.of();
        int seconds = 10;
        List<Integer> concurrency = List.of(1, 4, 8);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--web" -> web = args[++i];
                case "--issuer" -> issuer = args[++i];
                case "--users" -> users = List.of(args[++i].split(","));
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--concurrency" -> concurrency = Arrays.stream(args[++i].split(","))
                        .map(String::strip).map(Integer::valueOf).toList();
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--web URL, --issuer URL, --users a,b, --seconds S, --concurrency 1,4,8)");
            }
        }
        if (!Readiness.isUp(URI.create(web + "/q/health/ready"))) {
            System.err.println("The web-ui does not answer at " + web + ": start the stack with ./spinewise up first.");
            System.exit(1);
        }
        Report.machine("signin", args);
        int most = concurrency.stream().mapToInt(Integer::intValue).max().orElse(1);
        String password = "demo";
        if (users.isEmpty()) {
            users = BenchUsers.ensure(issuer, most);
            password = BenchUsers.PASSWORD;
        } else if (users.size() < most) {
            throw new IllegalArgumentException("--users names " + users.size() + " users for " + most
                    + " concurrent clients: each client needs a user of its own (see BenchUsers)");
        }
        Report.server("local stack of ./spinewise up at " + web + " and " + issuer);
        new SignInBench(web, issuer, users, password).run(concurrency, Duration.ofSeconds(seconds));
        System.exit(0);
    }

    private void run(List<Integer> concurrency, Duration window) {
        CpuMeter keycloak = new CpuMeter(WebUiLoad.process(cmd -> cmd.contains("kc.home.dir"))
                .orElseThrow(() -> new IllegalStateException("no Keycloak process of ./spinewise up on this machine")));
        CpuMeter webUi = new CpuMeter(WebUiLoad.process(cmd -> cmd.contains("web-ui/target/quarkus-app/quarkus-run.jar"))
                .orElseThrow(() -> new IllegalStateException("no web-ui process of ./spinewise up on this machine")));
        SignInLoop loop = new SignInLoop(keycloak, webUi, users);
        int most = concurrency.stream().mapToInt(Integer::intValue).max().orElse(1);
        // warm-up: JIT, Keycloak's caches, web-ui's OIDC metadata and connection pools
        loop.run("warm-up", most, window, this::codeFlow);
        loop.run("warm-up", most, window, this::passwordGrant);

        Report.heading("Sign-in: browser code flow through web-ui and Keycloak vs Keycloak's password grant"
                + " (closed loop, each client its own user of " + String.join(", ", users) + ", " + window.toSeconds()
                + " s per level)");
        Report.line("| flow | concurrency | sign-ins | per s | p50 ms | p95 ms | errors | Keycloak CPU ms/sign-in"
                + " | web-ui CPU ms/sign-in |");
        Report.line("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        List<String> ratios = new ArrayList<>();
        for (int level : concurrency) {
            LoadResult browser = loop.run("code flow via web-ui", level, window, this::codeFlow);
            LoadResult direct = loop.run("password grant (clinic-cli)", level, window, this::passwordGrant);
            row(browser);
            row(direct);
            double share = browser.perSecond() / direct.perSecond();
            ratios.add(String.format(Locale.ROOT, "%d: %.0f %%%s", level, 100 * share,
                    share < TARGET_SHARE ? " (below)" : ""));
        }
        Report.line("");
        Report.line("code flow ÷ password grant, per concurrency: %s (target ≥ %.0f %%)", String.join("; ", ratios),
                100 * TARGET_SHARE);
        Report.loadAverage("load average at the end");
    }

    /** One browser sign-in from no cookies to web-ui's session cookie; fails loudly at any unexpected step. */
    private void codeFlow(FormBrowser browser, String user) throws Exception {
        browser.clearCookies();
        String authorize = FormBrowser.location(browser.get(web + "/today"));
        HttpResponse<String> form = browser.get(authorize);
        String callback = FormBrowser.location(browser.post(FormBrowser.formAction(form),
                Map.of("username", user, "password", password)));
        if (!callback.startsWith(web)) {
            throw new IllegalStateException("Keycloak did not send back to web-ui but to " + callback);
        }
        FormBrowser.location(browser.get(callback));
        if (!browser.hasCookie("q_session")) {
            throw new IllegalStateException("web-ui's callback set no session cookie");
        }
    }

    /**
     * Keycloak's own rate: the password grant of the public {@code clinic-cli} client (as {@code KeycloakLogins}
     * makes it, scope openid), sent by the same kind of client as the browser flow's, so that only the flow differs.
     */
    private void passwordGrant(FormBrowser browser, String user) throws Exception {
        HttpResponse<String> tokens = browser.post(issuer + "/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "clinic-cli", "scope", "openid", "username", user,
                "password", password));
        if (tokens.statusCode() != 200) {
            throw new IllegalStateException("password grant for " + user + ": " + tokens.statusCode());
        }
    }

    private static void row(LoadResult r) {
        Report.line("| %s | %d | %d | %.1f | %.1f | %.1f | %d | %.2f | %.2f |", r.call(), r.concurrency(), r.calls(),
                r.perSecond(), r.percentileMillis(50), r.percentileMillis(95), r.errors(),
                1000 * r.serviceCpuSeconds() / Math.max(1, r.calls()), 1000 * r.databaseCpuSeconds() / Math.max(1, r.calls()));
    }

    /** A client that follows no redirects: each hop of the sign-in is checked by hand. */
    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }
}
