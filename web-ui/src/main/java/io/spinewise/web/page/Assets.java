package io.spinewise.web.page;

import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Versioned URLs for the static files the layout loads ({@code {inject:assets.url('/css/app.css')}}).
 * Quarkus serves static files with {@code Cache-Control: public, immutable, max-age=86400}: on a
 * bare URL a browser would keep the old CSS and script for a day after an upgrade, next to new
 * markup. A query parameter {@code v} made from the file's content changes exactly when the file
 * does, so the long caching stays safe and an unchanged file stays cached across upgrades.
 * WebJars keep their version-free paths (the locator maps them to the jar on the class path);
 * their {@code v} comes from the file in the jar that path is served from.
 */
@Named("assets")
@ApplicationScoped
public class Assets {

    /** Where Quarkus serves static files from. */
    private static final String ROOT = "META-INF/resources";
    private static final String WEBJARS = "/webjars/";
    /** The Maven groups WebJars are published under; each jar names its version in its pom.properties. */
    private static final List<String> WEBJAR_GROUPS = List.of("org.webjars.npm", "org.webjars", "org.webjars.bower");
    /** Hex digits of the SHA-256 kept: plenty to tell two versions of a file apart. */
    private static final int DIGITS = 12;

    private static final int MOST_PICTURES = 10_000;

    private final Map<String, String> urls = new ConcurrentHashMap<>();
    private final Map<String, String> pictures = new ConcurrentHashMap<>();

    /**
     * {@code path?v=...} for a file served by this app. A path with no such file fails the page:
     * a typo must show up in the tests, not ship as an unversioned (or broken) link.
     */
    public String url(String path) {
        if (LaunchMode.current() == LaunchMode.DEVELOPMENT) {
            return versioned(path); // files change under live reload: hash them on every page
        }
        return urls.computeIfAbsent(path, Assets::versioned);
    }

    /**
     * A picture's URL: versioned like {@link #url} when this app ships it as a static file (the
     * shared library's drawings), else as given (a route that serves it, such as a clinic's upload).
     */
    public String picture(String path) {
        if (LaunchMode.current() == LaunchMode.DEVELOPMENT) {
            return pictureUrl(path);
        }
        // kept: otherwise every picture of every page is a class-path lookup (a search of the jars)
        String known = pictures.get(path);
        if (known != null) {
            return known;
        }
        if (pictures.size() >= MOST_PICTURES) {
            pictures.clear(); // paths come from the catalog: bounded, but not by this app
        }
        String url = pictureUrl(path);
        pictures.put(path, url);
        return url;
    }

    private String pictureUrl(String path) {
        if (path.startsWith(WEBJARS) || loader().getResource(resource(path)) == null) {
            return path;
        }
        return url(path);
    }

    private static String versioned(String path) {
        return path + "?v=" + version(read(resource(path)));
    }

    /** The first {@value #DIGITS} hex digits of the content's SHA-256. */
    public static String version(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return HexFormat.of().formatHex(digest).substring(0, DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The class-path resource a URL path is served from. */
    static String resource(String path) {
        if (!path.startsWith(WEBJARS)) {
            return ROOT + path;
        }
        String rest = path.substring(WEBJARS.length());
        int slash = rest.indexOf('/');
        if (slash < 1) {
            throw new IllegalArgumentException("not a file in a WebJar: " + path);
        }
        String library = rest.substring(0, slash);
        return ROOT + WEBJARS + library + "/" + webJarVersion(library) + rest.substring(slash);
    }

    private static String webJarVersion(String library) {
        for (String group : WEBJAR_GROUPS) {
            try (InputStream in = loader().getResourceAsStream("META-INF/maven/" + group + "/" + library
                    + "/pom.properties")) {
                if (in != null) {
                    Properties properties = new Properties();
                    properties.load(in);
                    return properties.getProperty("version");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalArgumentException("no WebJar named " + library);
    }

    private static byte[] read(String resource) {
        try (InputStream in = loader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no static file " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ClassLoader loader() {
        return Thread.currentThread().getContextClassLoader();
    }
}
