package io.spinewise.bench.page;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * One headless Debian Chromium (the one {@code .ci/install-chromium.sh} installs) signed in as
 * one user, which loads pages under a {@link NetworkProfile} through the DevTools protocol and
 * reports what each load cost.
 */
final class ChromiumTab implements AutoCloseable {

    private static final String CHROMIUM = System.getProperty("spinewise.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("spinewise.chromedriver", "/usr/bin/chromedriver");

    /** The browser's timing entries of the page just loaded, as one JSON-friendly map. */
    private static final String READ_TIMINGS = """
            const nav = performance.getEntriesByType('navigation')[0];
            const resources = performance.getEntriesByType('resource');
            const fcp = performance.getEntriesByName('first-contentful-paint')[0];
            return {
              transferred: nav.transferSize + resources.reduce((sum, r) => sum + r.transferSize, 0),
              decoded: nav.decodedBodySize + resources.reduce((sum, r) => sum + r.decodedBodySize, 0),
              requests: 1 + resources.length,
              html: nav.transferSize,
              fcp: fcp ? fcp.startTime : -1,
              domReady: nav.domContentLoadedEventEnd,
              load: nav.loadEventEnd
            };
            """;

    static {
        // Selenium warns on every start that it has no DevTools bindings for this Chromium; raw commands need none.
        Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder").setLevel(Level.SEVERE);
    }

    private final ChromeDriver driver;

    ChromiumTab() throws IOException {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("Chromium and chromedriver are needed: run .ci/install-chromium.sh");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--lang=en-GB",
                "--user-data-dir=" + Files.createTempDirectory("spinewise-bench-chromium-"));
        driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build(), options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.executeCdpCommand("Network.enable", Map.of());
    }

    /** Opens the page and signs in on Keycloak's form when the web-ui sends the browser there. */
    void signIn(String url, String username, String password) {
        driver.get(url);
        if (!driver.findElements(By.id("username")).isEmpty()) {
            driver.findElement(By.id("username")).sendKeys(username);
            if (driver.findElements(By.id("password")).isEmpty()) {
                driver.findElement(By.id("kc-login")).click();
            }
            driver.findElement(By.id("password")).sendKeys(password);
            driver.findElement(By.id("kc-login")).click();
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().startsWith(origin(url)));
        }
    }

    /** Loads the URL once under the profile; a cold load empties the browser cache first. */
    PageLoad load(String url, NetworkProfile profile, boolean cold) {
        throttle(profile);
        if (cold) {
            driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        }
        try {
            driver.get("about:blank");
            driver.get(url);
            if (!driver.getCurrentUrl().startsWith(url)) {
                throw new IllegalStateException("expected " + url + " but the browser is on " + driver.getCurrentUrl());
            }
            // Chromium adds the paint entry after the frame is drawn, which can be after the load event
            new WebDriverWait(driver, Duration.ofSeconds(30))
                    .until(d -> number(timings().get("load")) > 0 && number(timings().get("fcp")) > 0);
            Map<String, Object> t = timings();
            return new PageLoad((long) number(t.get("transferred")), (long) number(t.get("decoded")),
                    (int) number(t.get("requests")), (long) number(t.get("html")),
                    number(t.get("fcp")), number(t.get("domReady")), number(t.get("load")));
        } finally {
            throttle(NetworkProfile.DESKTOP);
        }
    }

    /** The links on the current page whose path starts with the prefix, in page order. */
    List<String> links(String pathPrefix) {
        return driver.findElements(By.cssSelector("a[href^='" + pathPrefix + "']")).stream()
                .map(a -> a.getAttribute("href"))
                .toList();
    }

    /** The session's cookies for the current site, as one Cookie header (for the load run). */
    String cookieHeader() {
        return driver.manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    private void throttle(NetworkProfile profile) {
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of(
                "offline", false,
                "latency", profile.roundTripMillis,
                "downloadThroughput", profile.throttled() ? profile.downloadBitsPerSecond / 8 : -1,
                "uploadThroughput", profile.throttled() ? profile.uploadBitsPerSecond / 8 : -1));
        driver.executeCdpCommand("Emulation.setCPUThrottlingRate", Map.of("rate", profile.cpuSlowdown));
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", profile.width, "height", profile.height, "deviceScaleFactor", 1, "mobile", profile.mobile));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> timings() {
        return (Map<String, Object>) driver.executeScript(READ_TIMINGS);
    }

    private static double number(Object value) {
        return value == null ? 0 : ((Number) value).doubleValue();
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
