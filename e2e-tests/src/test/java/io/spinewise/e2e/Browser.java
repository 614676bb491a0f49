package io.spinewise.e2e;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One headless Debian Chromium (one user's cookies) driven through its chromedriver, with what
 * the journeys need: the real Keycloak login page, axe-core checks, screenshots at desktop and
 * phone widths, and downloads into a folder of its own.
 *
 * <p>Chromium and chromedriver come from {@code .ci/install-chromium.sh} ({@code /usr/bin}),
 * axe-core from {@code .ci/install-axe-core.sh}; {@code -Dspinewise.chromium},
 * {@code -Dspinewise.chromedriver} and {@code -Dspinewise.axe} point elsewhere.
 */
final class Browser implements AutoCloseable {

    static final Dimension DESKTOP = new Dimension(1280, 800);
    static final Dimension PHONE = new Dimension(360, 780);

    private static final Path CHROMIUM = Path.of(System.getProperty("spinewise.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("spinewise.chromedriver", "/usr/bin/chromedriver"));
    private static final Path AXE = Path.of(System.getProperty("spinewise.axe",
            System.getProperty("user.home") + "/.cache/spinewise/axe-core-4.14.1/axe.min.js"));
    private static final Path SCREENSHOTS = Path.of(System.getProperty("spinewise.e2e.screenshots", "target/screenshots"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String axeSource;
    /** Selenium warns on every start that it has no DevTools bindings for this Chromium; raw CDP commands need none. */
    private static final Logger CDP_VERSION_WARNINGS = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_WARNINGS.setLevel(Level.SEVERE);
    }

    private final ChromeDriver driver;
    private final Path profile;
    private final Path downloads;

    Browser() {
        assertThat(CHROMIUM).as("Chromium (run .ci/install-chromium.sh)").isExecutable();
        assertThat(CHROMEDRIVER).as("chromedriver (run .ci/install-chromium.sh)").isExecutable();
        try {
            profile = Files.createTempDirectory("spinewise-chromium-");
            downloads = Files.createTempDirectory("spinewise-downloads-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                "--window-size=" + DESKTOP.width + "," + DESKTOP.height, "--lang=en-GB");
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toString(),
                "download.prompt_for_download", false,
                "intl.accept_languages", "en-GB,en"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    }

    ChromeDriver driver() {
        return driver;
    }

    Browser open(String url) {
        driver.get(url);
        return this;
    }

    String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    String url() {
        return driver.getCurrentUrl();
    }

    WebElement find(String css) {
        return waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    String pageSource() {
        return driver.getPageSource();
    }

    void click(String css) {
        waitFor(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    /**
     * Clicks a form's button and waits until the answer has replaced this page. A form that posts
     * to its own list's path (and a refusal answered at the post's path) leaves the path as it was,
     * so waiting for the path alone could read the page before the answer arrived.
     */
    void submit(String css) {
        // A mark on this document's window, gone once a new document has loaded. Waiting for the old
        // <html> element to go stale is not enough: mid-navigation chromedriver may answer "node does
        // not belong to the document" instead of "stale", which is an error, not a wait.
        String mark = UUID.randomUUID().toString();
        script("window.spinewiseLeaving = arguments[0]", mark);
        click(css);
        new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(WebDriverException.class)
                .until(d -> !mark.equals(script("return window.spinewiseLeaving || null"))
                        && "complete".equals(script("return document.readyState")));
    }

    void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    <T> T waitFor(Function<? super org.openqa.selenium.WebDriver, T> condition) {
        return waitFor(condition, Duration.ofSeconds(20));
    }

    <T> T waitFor(Function<? super org.openqa.selenium.WebDriver, T> condition, Duration timeout) {
        // a page that htmx or a navigation replaces while it is read leaves stale elements: read again
        return new WebDriverWait(driver, timeout).ignoring(StaleElementReferenceException.class).until(condition);
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    Object asyncScript(String script, Object... args) {
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /** Whether the current page is Keycloak's (its login form), not the web-ui's. */
    boolean onKeycloakLogin() {
        return driver.getCurrentUrl().startsWith(RunningPlatform.ISSUER) && !findAll("#username, #password").isEmpty();
    }

    /**
     * Signs in on Keycloak's own page, which the web-ui redirects to: the username (with
     * Organizations, a page of its own), then the password.
     */
    void signIn(String username, String password) {
        waitFor(d -> onKeycloakLogin());
        if (!findAll("#username").isEmpty()) {
            type("#username", username);
        }
        if (findAll("#password").isEmpty()) {
            click("#kc-login");
        }
        type("#password", password);
        click("#kc-login");
    }

    /** Keycloak's "update password" page of a first login with a one-time password. */
    void chooseNewPassword(String newPassword) {
        type("#password-new", newPassword);
        type("#password-confirm", newPassword);
        find("#kc-passwd-update-form").submit();
    }

    /** Opens a page of the web-ui, signing in first when the web-ui sends the browser to Keycloak. */
    Browser openAs(String url, String username, String password) {
        open(url);
        if (onKeycloakLogin()) {
            signIn(username, password);
            waitFor(d -> d.getCurrentUrl().startsWith(RunningPlatform.WEB));
        }
        return this;
    }

    /** axe-core on the current page: the serious and critical violations, described. */
    List<String> seriousAccessibilityViolations() {
        script(axe());
        Object result = asyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                   .then(r => done(JSON.stringify(r.violations)))
                   .catch(e => done(JSON.stringify([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }])));
                """);
        List<Map<String, Object>> violations;
        try {
            violations = JSON.readValue((String) result, new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return violations.stream()
                .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                .map(v -> v.get("impact") + " " + v.get("id") + ": " + v.get("help") + " at "
                        + ((List<?>) v.get("nodes")).stream().limit(3)
                        .map(n -> String.valueOf(((Map<?, ?>) n).get("target")))
                        .collect(Collectors.joining(", ")))
                .toList();
    }

    /**
     * Full-page screenshots of the current page at desktop and phone widths, saved as
     * {@code target/screenshots/NAME-desktop.png} and {@code NAME-phone.png}.
     */
    void screenshots(String name) {
        screenshot(name + "-desktop", DESKTOP, false);
        screenshot(name + "-phone", PHONE, true);
    }

    private void screenshot(String name, Dimension size, boolean mobile) {
        try {
            metrics(size.width, size.height, mobile);
            Number height = (Number) script("return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)");
            metrics(size.width, Math.min(Math.max(height.intValue(), size.height), 6000), mobile);
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    private void metrics(int width, int height, boolean mobile) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    /**
     * The zone the page's clock and dates read in, as on a phone set to another zone than its owner's
     * (travelling, or left on UTC); returns the zone the page then reports, to check the override took.
     */
    String timeZone(String zone) {
        driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", zone));
        return (String) script("return Intl.DateTimeFormat().resolvedOptions().timeZone");
    }

    /** The page as it is now, for a failed test: a screenshot and the HTML, as {@code NAME.png} and {@code NAME.html}. */
    void saveForDiagnosis(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            Files.writeString(SCREENSHOTS.resolve(name + ".html"), "<!-- " + driver.getCurrentUrl() + " -->\n"
                    + driver.getPageSource());
        } catch (IOException | RuntimeException e) {
            // diagnosis only: the test's own failure is what counts
        }
    }

    /** Waits for a finished download whose name matches, and returns it. */
    Path downloaded(String suffix) {
        return waitFor(d -> {
            try (Stream<Path> files = Files.list(downloads)) {
                return files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static synchronized String axe() {
        if (axeSource == null) {
            assertThat(AXE).as("axe-core (run .ci/install-axe-core.sh)").isRegularFile();
            try {
                axeSource = Files.readString(AXE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axeSource;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteTree(profile);
            deleteTree(downloads);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
