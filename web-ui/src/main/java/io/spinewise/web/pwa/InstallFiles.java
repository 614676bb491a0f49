package io.spinewise.web.pwa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.LaunchMode;
import io.spinewise.web.page.Assets;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * What makes web-ui an app a phone installs and opens offline: the web app manifest and the service
 * worker. The worker's script is {@code pwa/service-worker.js} with the shell (the versioned URLs of
 * {@code pwa/shell.txt}) and a version made from it written in, so a changed CSS file or drawing changes
 * the worker, which then replaces its cache. Their {@code Cache-Control: no-cache} is set with the other
 * caching rules in {@code security.SecurityHeaders}.
 *
 * <p>Both are public ({@code quarkus.http.auth.permission.public.paths}): the browser fetches the manifest
 * without cookies and checks the worker for updates on its own, also after the session ended; neither
 * holds anything of a user. They are plain Vert.x routes, not REST resources: the CSRF filter gives every
 * REST GET a new CSRF cookie, and the browser's own update checks of the worker, made after a page was
 * rendered, would so invalidate the token of the page on screen (its next form post would be refused).
 */
@ApplicationScoped
public class InstallFiles {

    /** The header colour of app.css ({@code --sw-teal}): the installed app's title bar. */
    public static final String THEME_COLOUR = "#0b6e6e";
    /** The page background of app.css: the splash screen while the app opens. */
    static final String BACKGROUND_COLOUR = "#ffffff";
    static final String MANIFEST_TYPE = "application/manifest+json";
    static final String SCRIPT_TYPE = "text/javascript; charset=utf-8";

    @Inject
    Assets assets;

    @Inject
    ObjectMapper json;

    private volatile String worker;

    void routes(@Observes Router router) {
        router.get("/manifest.webmanifest").handler(rc -> rc.response().putHeader("Content-Type", MANIFEST_TYPE)
                .end(manifest()));
        // Service-Worker-Allowed: / lets the worker control the whole app
        router.get("/service-worker.js").handler(rc -> rc.response().putHeader("Content-Type", SCRIPT_TYPE)
                .putHeader("Service-Worker-Allowed", "/").end(serviceWorker()));
    }

    /** The manifest: the app's names, colours and icons. */
    String manifest() {
        Map<String, Object> manifest = Map.of(
                "name", "Spinewise", "short_name", "Spinewise",
                "description", "Your home exercise routine from your chiropractor.",
                "id", "/", "start_url", "/", "scope", "/", "display", "standalone",
                "theme_color", THEME_COLOUR, "background_color", BACKGROUND_COLOUR,
                "icons", List.of(icon("/img/icons/icon-192.png", "192x192", "image/png", "any"),
                        icon("/img/icons/icon-512.png", "512x512", "image/png", "any"),
                        icon("/img/icons/icon-maskable-512.png", "512x512", "image/png", "maskable"),
                        icon("/img/icons/icon.svg", "any", "image/svg+xml", "any")));
        try {
            return json.writeValueAsString(manifest);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The worker's script, made once (on every request in dev mode, where files change). */
    String serviceWorker() {
        String script = worker;
        if (script == null || LaunchMode.current() == LaunchMode.DEVELOPMENT) {
            script = workerScript();
            worker = script;
        }
        return script;
    }

    private Map<String, String> icon(String path, String sizes, String type, String purpose) {
        return Map.of("src", assets.url(path), "sizes", sizes, "type", type, "purpose", purpose);
    }

    private String workerScript() {
        List<String> shell = shell().stream().map(assets::url).toList();
        try {
            String urls = json.writeValueAsString(shell);
            String template = read("pwa/service-worker.js");
            String version = Assets.version((template + urls).getBytes(StandardCharsets.UTF_8));
            return template.replace("'@SHELL@'", urls).replace("@VERSION@", version);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The paths of {@code pwa/shell.txt}, without its comments. */
    static List<String> shell() {
        return read("pwa/shell.txt").lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    private static String read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
