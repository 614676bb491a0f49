package io.spinewise.testsupport.badinput;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * One bad request of the corpus and the answer it must get. Texts may hold placeholders that
 * are filled in when the case is sent (see {@link Templates}): {@code ${patient}} for a fixture's
 * id, {@code {{repeat:300:x}}} for a long text that the data file need not spell out.
 *
 * @param name      what is wrong, e.g. {@code "body schedule.startDate: impossible date 2026-02-30"}
 * @param kind      the family of bad input, for the summary (e.g. {@code "impossible date"})
 * @param operation the OpenAPI operationId, or a made-up name for a request no operation declares
 * @param as        who sends it: an identity the service's test knows ({@code chiropractor}, {@code patient}...), or {@code anonymous}
 * @param method    the HTTP method, sent as written (may be a method no route has)
 * @param target    the request target: path and query, sent byte for byte (percent-encoding included)
 * @param headers   extra headers; {@code Content-Type} defaults to {@code application/json} when there is a body,
 *                  and an empty value leaves a header out
 * @param body      the body as text (UTF-8), or null for none
 * @param status    the statuses that are right for it (all 4xx)
 * @param names     a word the problem must contain (case-insensitive): the field, the parameter, or what was wrong;
 *                  {@code a|b} where either answer is right (a path that normalises to another resource)
 * @param answeredBy null when the service answers; {@value #HTTP_CODEC} for a request the HTTP codec refuses
 *                   before any handler runs (a request line or header block over its limit): an empty answer
 *                   with the status is all it can give (see service-common's RequestLineGuard)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record BadInputCase(String name, String kind, String operation, String as, String method, String target,
                           Map<String, String> headers, String body, List<Integer> status, String names, String answeredBy) {

    public static final String HTTP_CODEC = "http-codec";

    public BadInputCase {
        headers = headers == null ? Map.of() : headers;
        status = status == null ? List.of() : status;
    }
}
