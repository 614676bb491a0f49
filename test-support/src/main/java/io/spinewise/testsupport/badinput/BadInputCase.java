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
 * @param names     a word the problem must contain (case-insensitive): the field, the parameter, or what was wrong
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record BadInputCase(String name, String kind, String operation, String as, String method, String target,
                           Map<String, String> headers, String body, List<Integer> status, String names) {

    public BadInputCase {
        headers = headers == null ? Map.of() : headers;
        status = status == null ? List.of() : status;
    }
}
