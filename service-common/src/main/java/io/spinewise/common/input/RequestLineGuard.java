package io.spinewise.common.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spinewise.common.problem.Problem;
import io.spinewise.common.problem.ProblemType;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks what arrives before the body, ahead of every route, and answers a problem naming what
 * is wrong: an over-long URL (414) or header block (431); a path or query parameter that is not
 * valid percent-encoded UTF-8 or holds a character {@link PlainText} refuses (400, naming the
 * parameter; JAX-RS would decode it as it can and the database would choke on a NUL); a body
 * sent without a Content-Type (415). Whatever Vert.x itself refuses on the way to a route is
 * answered as a problem too, and so are the URIs that Quarkus's own check would answer with an
 * empty 400: its root HTTP handler parses every URI with java.net.URI before any route, unless the
 * JVM runs with {@code -Dvertx.disableURIValidation=true} (read when Quarkus's HTTP recorder class
 * loads, so it cannot be set from here: the Dockerfiles, the launcher and the tests' surefire set it).
 * The HTTP codec still refuses a request line over
 * {@code quarkus.http.limits.max-initial-line-length} or headers over
 * {@code quarkus.http.limits.max-header-size} on its own, before any handler, with an empty 414
 * or 431: Vert.x's {@code HttpServer.invalidRequestHandler} could change that answer, but
 * Quarkus does not expose its HTTP server. Those limits are set above this guard's
 * (META-INF/microprofile-config.properties), so only requests far beyond them get the bare answer.
 */
@ApplicationScoped
public class RequestLineGuard {

    /** The longest URL (path and query) answered other than 414. */
    static final int MAX_URL = 8192;
    /** The largest header block (names and values) answered other than 431. */
    static final int MAX_HEADERS = 16 * 1024;
    private static final Pattern CHARSET = Pattern.compile(";\\s*charset\\s*=\\s*\"?([^\";\\s]+)", Pattern.CASE_INSENSITIVE);
    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
        router.route().order(Integer.MIN_VALUE + 1).failureHandler(ctx -> refusedOnTheWay(ctx, ctx.statusCode()));
        // a path Vert.x cannot normalise (a malformed percent-encoding) fails while routes are matched,
        // before any handler or failure handler: only the router's error handlers see it
        for (int status : new int[] {400, 404, 405}) {
            router.errorHandler(status, ctx -> refusedOnTheWay(ctx, status));
        }
    }

    private void check(RoutingContext ctx) {
        Optional<Problem> problem = problemWith(ctx.request());
        if (problem.isPresent()) {
            answer(ctx, problem.get());
            return;
        }
        ctx.next();
    }

    private static Optional<Problem> problemWith(HttpServerRequest request) {
        String uri = request.uri();
        if (uri.length() > MAX_URL) {
            return Optional.of(Problem.of(ProblemType.URI_TOO_LONG, "The URL is " + uri.length() + " characters long; at most "
                    + MAX_URL + " are accepted. Send long input in a body."));
        }
        int headers = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headers += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headers > MAX_HEADERS) {
            return Optional.of(Problem.of(ProblemType.HEADERS_TOO_LARGE, "The request headers are " + headers / 1024
                    + " KiB; at most " + MAX_HEADERS / 1024 + " KiB are accepted."));
        }
        int queryStart = uri.indexOf('?');
        String path = queryStart < 0 ? uri : uri.substring(0, queryStart);
        Optional<String> pathRefusal = refusal(path, false);
        if (pathRefusal.isPresent()) {
            return Optional.of(Problem.of(ProblemType.MALFORMED_REQUEST, "The path " + pathRefusal.get() + "."));
        }
        if (queryStart >= 0) {
            for (String pair : uri.substring(queryStart + 1).split("&")) {
                int equals = pair.indexOf('=');
                String rawName = equals < 0 ? pair : pair.substring(0, equals);
                String name = decode(rawName, true).orElse(rawName);
                Optional<String> why = refusal(rawName, true).or(() -> equals < 0 ? Optional.empty() : refusal(pair.substring(equals + 1), true));
                if (why.isPresent()) {
                    String shown = name.length() > 40 || PlainText.refusal(name, false).isPresent() ? "a query parameter" : name;
                    return Optional.of(Problem.invalidField(shown, why.get()));
                }
            }
        }
        try {
            new URI(uri);
        } catch (URISyntaxException e) {
            return Optional.of(Problem.of(ProblemType.MALFORMED_REQUEST, "The URL is malformed: " + e.getReason()
                    + " at character " + e.getIndex() + "."));
        }
        if (WITH_BODY.contains(request.method())) {
            String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
            String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            if (contentType == null && length != null && !length.strip().equals("0")) {
                return Optional.of(Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "The body has no Content-Type; send it as application/json."));
            }
            Matcher charset = CHARSET.matcher(contentType == null ? "" : contentType);
            if (charset.find() && !charset.group(1).equalsIgnoreCase("utf-8")) {
                return Optional.of(Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                        "The body is declared as " + charset.group(1) + "; send JSON in UTF-8 (RFC 8259)."));
            }
        }
        return Optional.empty();
    }

    /** Vert.x refused the request on the way to a route (e.g. a path it cannot normalise): say so as a problem. */
    private void refusedOnTheWay(RoutingContext ctx, int status) {
        if (status >= 400 && status < 500 && !ctx.response().headWritten()) {
            Optional<Problem> named = problemWith(ctx.request());
            if (named.isPresent()) {
                // Vert.x refused what this guard would have: say which part was wrong
                answer(ctx, named.get());
                return;
            }
            ProblemType type = ProblemType.forStatus(status);
            answer(ctx, new Problem(type.uri(), type.title(), status, switch (status) {
                case 400 -> "The request line or its path is malformed.";
                case 404 -> "No such resource.";
                case 405 -> "This resource does not support that method.";
                default -> type.title() + ".";
            }, List.of()));
            return;
        }
        if (!ctx.failed()) {
            return; // an error handler: Vert.x ends the response itself
        }
        ctx.next();
    }

    /** Why a raw path or query part is refused, or empty: not percent-encoded UTF-8, or a character {@link PlainText} refuses. */
    private static Optional<String> refusal(String raw, boolean query) {
        Optional<String> decoded = decode(raw, query);
        if (decoded.isEmpty()) {
            return Optional.of("is not valid percent-encoded UTF-8");
        }
        return PlainText.refusal(decoded.get(), false);
    }

    /** The text that {@code raw} percent-encodes, or empty when it is malformed or not UTF-8. */
    static Optional<String> decode(String raw, boolean query) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0 || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    return Optional.empty();
                }
                bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
                i += 2;
            } else if (c == '+' && query) {
                bytes.write(' ');
            } else if (c < 256) {
                // the request line arrives as bytes, each one char: raw UTF-8 is decoded below like encoded UTF-8
                bytes.write(c);
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private void answer(RoutingContext ctx, Problem problem) {
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem record always serialises", e);
        }
        ctx.response().setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(body);
    }
}
