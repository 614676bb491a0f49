package io.spinewise.web.pwa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.LaunchMode;
import io.spinewise.web.page.Assets;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

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
 */
@Path("/")
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

    /** Public: browsers fetch the manifest without cookies; it names the app and its icons, nothing of a user. */
    @GET
    @Path("manifest.webmanifest")
    @Produces(MANIFEST_TYPE)
    @PermitAll
    public String manifest() throws JsonProcessingException {
        Map<String, Object> manifest = Map.of(
                "name", "Spinewise", "short_name", "Spinewise",
                "description", "Your home exercise routine from your chiropractor.",
                "id", "/", "start_url", "/", "scope", "/", "display", "standalone",
                "theme_color", THEME_COLOUR, "background_color", BACKGROUND_COLOUR,
                "icons", List.of(icon("/img/icons/icon-192.png", "192x192", "image/png", "any"),
                        icon("/img/icons/icon-512.png", "512x512", "image/png", "any"),
                        icon("/img/icons/icon-maskable-512.png", "512x512", "image/png", "maskable"),
                        icon("/img/icons/icon.svg", "any", "image/svg+xml", "any")));
        return json.writeValueAsString(manifest);
    }

    /**
     * Public: the browser checks the worker for updates on its own, also when the session has ended; the
     * script holds nothing of a user. {@code Service-Worker-Allowed: /} lets it control the whole app.
     */
    @GET
    @Path("service-worker.js")
    @Produces(SCRIPT_TYPE)
    @PermitAll
    public Response serviceWorker() {
        String script = worker;
        if (script == null || LaunchMode.current() == LaunchMode.DEVELOPMENT) {
            script = workerScript();
            worker = script;
        }
        return Response.ok(script).header("Service-Worker-Allowed", "/").build();
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
