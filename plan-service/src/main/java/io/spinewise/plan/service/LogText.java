package io.spinewise.plan.service;

import java.util.regex.Pattern;

/**
 * An exception's message made fit for a log line. A mail relay's refusal names the recipient
 * ({@code 550 <paul@…>: no such user}) and a push service's error can carry the subscription's endpoint,
 * which is a capability URL: neither may reach the logs (docs/operations.md), so both are replaced.
 */
final class LogText {

    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:]+@[^\\s<>\"'(),;:]+");
    private static final Pattern URL = Pattern.compile("\\b[a-zA-Z][a-zA-Z0-9+.-]*://\\S+");

    private LogText() {
    }

    static String of(Throwable e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return e.getClass().getSimpleName() + ": "
                + ADDRESS.matcher(URL.matcher(message).replaceAll("<url>")).replaceAll("<address>");
    }
}
