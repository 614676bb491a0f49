package io.spinewise.testsupport.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Every write with a body sent again with one field it does not declare, and the answer judged:
 * a 400 problem naming the field, or a success that did not store the injected value.
 */
final class MassAssignment {

    private final AccessMatrix matrix;
    private final MatrixRequests requests;

    MassAssignment(AccessMatrix matrix, MatrixRequests requests) {
        this.matrix = matrix;
        this.requests = requests;
    }

    void run(Map<Identity, String> tokens, Placeholders values, Transport transport, AccessMatrix.Result result) {
        for (ApiOperation operation : matrix.operations()) {
            if (!operation.takesBody() || !matrix.hasRow(operation) || requests.get(operation.id()).has("multipart")) {
                continue; // a multipart upload has no JSON object to add a field to; its fields are named by the resource
            }
            Identity writer = Arrays.stream(new Identity[] {Identity.OWNER, Identity.CHIROPRACTOR, Identity.CLINIC_ADMIN})
                    .filter(i -> matrix.expected(operation, i).startsWith("2")).findFirst().orElse(null);
            if (writer == null) {
                result.fail(operation.id() + ": no identity of the same clinic may call it, so mass assignment"
                        + " cannot be tried");
                continue;
            }
            for (Map.Entry<String, JsonNode> field : InjectedFields.VALUES.entrySet()) {
                for (boolean nested : new boolean[] {false, true}) {
                    Function<String, String> oneRequest = values.forOneRequest();
                    JsonNode body = requests.filledBody(operation, oneRequest);
                    String where = inject(operation, body, field.getKey(), field.getValue(), nested);
                    if (where == null) {
                        continue;
                    }
                    Transport.Call call = requests.call(operation, oneRequest, body.toString());
                    Transport.Answer answer = transport.send(call, tokens.get(writer));
                    String cell = operation.id() + " with " + where + " as " + writer.column();
                    String outcome = judge(cell, field, answer, transport, tokens.get(writer), result);
                    result.massAssignmentCell(cell + " → " + outcome);
                }
            }
        }
    }

    private static String judge(String cell, Map.Entry<String, JsonNode> field, Transport.Answer answer,
                                Transport transport, String token, AccessMatrix.Result result) {
        if (answer.status() == 400) {
            if (!answer.isProblem() || answer.body() == null || !answer.body().contains(field.getKey())) {
                result.fail(cell + ": 400 without a problem naming " + field.getKey() + ": "
                        + AccessMatrix.excerpt(answer.body()));
                return "400 unnamed";
            }
            return "400 named";
        }
        if (answer.status() >= 200 && answer.status() < 300) {
            String marker = field.getValue().isTextual() ? field.getValue().asText() : field.getValue().toString();
            List<String> seen = new ArrayList<>();
            seen.add(answer.body());
            if (answer.location() != null) {
                String path = answer.location().replaceFirst("^https?://[^/]+", "");
                seen.add(transport.send(new Transport.Call(null, "GET", path, Map.of(), null), token).body());
            }
            if (seen.stream().anyMatch(text -> text != null && text.contains(marker))) {
                result.fail(cell + ": accepted and obeyed: the stored entry carries " + marker);
                return "obeyed";
            }
            return "ignored";
        }
        result.fail(cell + ": expected 400 naming the field or an answer that ignores it, got " + answer.status() + " "
                + AccessMatrix.excerpt(answer.body()));
        return Integer.toString(answer.status());
    }

    /** Puts the field at the top or into the first nested object; null when the request declares it there. */
    private static String inject(ApiOperation operation, JsonNode body, String field, JsonNode value, boolean nested) {
        if (!(body instanceof ObjectNode top)) {
            return null;
        }
        if (!nested) {
            if (operation.bodyProperties().contains(field)) {
                return null;
            }
            top.set(field, value);
            return field;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = top.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            JsonNode inner = property.getValue();
            String path = property.getKey();
            if (inner.isArray() && !inner.isEmpty() && inner.get(0).isObject()) {
                inner = inner.get(0);
                path += "[0]";
            }
            if (inner instanceof ObjectNode object) {
                if (operation.nestedProperties().getOrDefault(property.getKey(), Set.of()).contains(field)) {
                    return null;
                }
                object.set(field, value);
                return path + "." + field;
            }
        }
        return null;
    }
}
