package io.spinewise.e2e;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static io.spinewise.e2e.RunningPlatform.WEB;

/**
 * One Chromium per demo user, signed in once on Keycloak's real login page and shared by the
 * page tests of this JVM: a login costs about a second of Keycloak's CPU. The browsers close
 * when the JVM exits.
 */
final class SignedIn {

    private static final Map<String, Browser> BROWSERS = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> BROWSERS.values().forEach(Browser::close),
                "e2e-browsers-close"));
    }

    private SignedIn() {
    }

    /** Every signed-in browser's page, saved for the diagnosis of a failed test. */
    static void saveForDiagnosis(String test) {
        BROWSERS.forEach((user, browser) -> browser.saveForDiagnosis("failed-" + test + "-" + user));
    }

    /** The demo user's browser (password {@code demo}), signed in and on their start page. */
    static Browser as(String username) {
        RunningPlatform.get();
        return BROWSERS.computeIfAbsent(username, user -> {
            Browser browser = new Browser();
            browser.openAs(WEB + "/", user, "demo");
            return browser;
        });
    }
}
