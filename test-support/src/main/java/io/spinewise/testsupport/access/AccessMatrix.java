package io.spinewise.testsupport.access;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may call what, for every operation of a service's committed OpenAPI document: the expected
 * status of each operation for each {@link Identity}, kept as data in the test resources
 * ({@code access/<service>-matrix.csv}), and a valid request per operation
 * ({@code access/<service>-requests.json}: path and query values, headers and a body, with
 * {@code {placeholders}} the test fills with real fixture ids). An operation of the document
 * without a row, or a row or request naming an operation the document no longer has, is an
 * inconsistency the test fails on, so a new endpoint cannot ship without its row.
 */
public final class AccessMatrix {

    private final String service;
    private final String matrixResource;
    private final String requestsResource;
    private final List<ApiOperation> operations;
    private final List<String> inconsistencies = new ArrayList<>();
    private final Map<String, Map<Identity, String>> expectations;
    private final MatrixRequests requests;

    private AccessMatrix(String service) {
        this.service = service;
        this.matrixResource = "access/" + service + "-matrix.csv";
        this.requestsResource = "access/" + service + "-requests.json";
        this.operations = DocumentOperations.read(service);
        this.expectations = ExpectedStatuses.read(matrixResource, inconsistencies);
        this.requests = MatrixRequests.read(requestsResource);
    }

    /** The matrix of {@code service}: its committed document and its two data files from the classpath. */
    public static AccessMatrix load(String service) {
        AccessMatrix matrix = new AccessMatrix(service);
        matrix.check();
        return matrix;
    }

    public List<ApiOperation> operations() {
        return List.copyOf(operations);
    }

    /** Operations without a row, rows and requests for operations that do not exist, writes without a body. */
    public List<String> inconsistencies() {
        return List.copyOf(inconsistencies);
    }

    /** The expected status or status class, or null when the data has no row for the operation. */
    public String expected(ApiOperation operation, Identity identity) {
        Map<Identity, String> row = expectations.get(operation.id());
        return row == null ? null : row.get(identity);
    }

    boolean hasRow(ApiOperation operation) {
        return expectations.containsKey(operation.id());
    }

    /** Whether {@code status} is what {@code expected} says: an exact status or a class such as {@code 2xx}. */
    public static boolean matches(String expected, int status) {
        return expected.endsWith("xx") ? expected.charAt(0) == Integer.toString(status).charAt(0)
                : Integer.parseInt(expected) == status;
    }

    /**
     * Where this matrix disagrees with the role table for its operations: an operation in no row
     * or in two, a full "✓" whose same-clinic cell is not a 2xx, a "–" whose cell is not 403. The
     * owner patient's cell stands for the patient column.
     */
    public List<String> disagreementsWith(RoleTable table) {
        List<String> disagreements = new ArrayList<>();
        for (ApiOperation operation : operations) {
            List<RoleTable.Row> holding = table.rows().stream().filter(r -> r.operations().contains(operation.id())).toList();
            if (holding.size() != 1) {
                disagreements.add(operation.id() + " is in " + holding.size() + " rows of the role table, not one");
                continue;
            }
            RoleTable.Row row = holding.get(0);
            checkRole(disagreements, operation, row, "chiropractor", Identity.CHIROPRACTOR);
            checkRole(disagreements, operation, row, "clinic-admin", Identity.CLINIC_ADMIN);
            checkRole(disagreements, operation, row, "patient", Identity.OWNER);
        }
        return disagreements;
    }

    private void checkRole(List<String> disagreements, ApiOperation operation, RoleTable.Row row, String role,
                           Identity identity) {
        String cell = row.cell(role);
        String expected = expected(operation, identity);
        if (expected == null) {
            return;
        }
        if (RoleTable.YES.equals(cell) && !expected.startsWith("2")) {
            disagreements.add(operation.id() + ": the role table gives " + role + " '" + row.capability()
                    + "', the matrix expects " + expected);
        } else if (RoleTable.NO.equals(cell) && !"403".equals(expected)) {
            disagreements.add(operation.id() + ": the role table denies " + role + " '" + row.capability()
                    + "', the matrix expects " + expected + " instead of 403");
        }
    }

    /**
     * Sends every operation as every identity and compares the answers with the data. A refusal
     * must be a problem document, and a caller who is not the owner or of another clinic must not
     * find any of {@code mustNotSee}'s strings in a successful answer.
     */
    public Result run(Map<Identity, String> tokens, Placeholders values, Transport transport,
                      Map<Identity, List<String>> mustNotSee) {
        Result result = new Result();
        for (ApiOperation operation : operations) {
            if (!hasRow(operation)) {
                continue;
            }
            for (Identity identity : Identity.values()) {
                String expected = expected(operation, identity);
                Transport.Call call = requests.call(operation, values.forOneRequest(), null);
                Transport.Answer answer = transport.send(call, tokens.get(identity));
                String cell = operation.id() + " as " + identity.column() + " (" + call.method() + " " + call.path() + ")";
                boolean ok = matches(expected, answer.status());
                if (!ok) {
                    result.fail(cell + ": expected " + expected + ", got " + answer.status() + " " + excerpt(answer.body()));
                } else if (answer.status() >= 400 && !answer.isProblem()) {
                    ok = false;
                    result.fail(cell + ": the " + answer.status() + " is not application/problem+json but '"
                            + answer.contentType() + "'");
                } else if (answer.status() < 300) {
                    for (String secret : mustNotSee.getOrDefault(identity, List.of())) {
                        if (answer.body() != null && answer.body().contains(secret)) {
                            ok = false;
                            result.fail(cell + ": answered " + answer.status() + " with '" + secret
                                    + "', which this caller must not see");
                        }
                    }
                }
                result.cells.computeIfAbsent(operation.id(), k -> new LinkedHashMap<>())
                        .put(identity, ok ? Integer.toString(answer.status()) : expected + "≠" + answer.status());
            }
        }
        return result;
    }

    /**
     * Mass assignment: every write with a body is sent again by an identity the data lets write,
     * each time with one field the request does not declare (at the top and in the first nested
     * object) set to another clinic, another owner, a role, an id or a date. The answer must be a
     * 400 problem naming that field, or a success whose answer (and the entry its Location names,
     * read back) does not carry the injected value.
     */
    public Result massAssignment(Map<Identity, String> tokens, Placeholders values, Transport transport) {
        Result result = new Result();
        new MassAssignment(this, requests).run(tokens, values, transport, result);
        return result;
    }

    private void check() {
        Set<String> known = operations.stream().map(ApiOperation::id).collect(Collectors.toSet());
        for (ApiOperation operation : operations) {
            if (!hasRow(operation)) {
                inconsistencies.add(operation.id() + " (" + operation.route() + ") has no row in " + matrixResource);
            }
            JsonNode request = requests.get(operation.id());
            if (operation.takesBody() && (request == null || !(request.has("body") || request.has("multipart")))) {
                inconsistencies.add(operation.id() + " takes a body: give a valid one in " + requestsResource
                        + ", so that a 2xx there means the caller was allowed");
            }
            for (String name : operation.pathParameters()) {
                if (request == null || !request.path("path").hasNonNull(name)) {
                    inconsistencies.add(operation.id() + " needs a value for its path parameter {" + name + "} in "
                            + requestsResource);
                }
            }
        }
        expectations.keySet().stream().filter(id -> !known.contains(id)).forEach(id -> inconsistencies.add(
                matrixResource + " has a row for " + id + ", which " + service + "'s OpenAPI document no longer has"));
        requests.operationIds().stream().filter(id -> !known.contains(id)).forEach(id -> inconsistencies.add(
                requestsResource + " has a request for " + id + ", which " + service + "'s OpenAPI document no longer has"));
    }

    /** A test resource of the service's module, as text. */
    static String resource(String name) {
        try (InputStream in = AccessMatrix.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The start of an answer's body on one line, for a failure message. */
    static String excerpt(String body) {
        if (body == null) {
            return "";
        }
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }

    /** The answers of one run: a printable table and what did not match. */
    public final class Result {

        private final Map<String, Map<Identity, String>> cells = new LinkedHashMap<>();
        private final List<String> massAssignmentCells = new ArrayList<>();
        private final List<String> failures = new ArrayList<>();

        void fail(String failure) {
            failures.add(failure);
        }

        void massAssignmentCell(String line) {
            massAssignmentCells.add(line);
        }

        public List<String> failures() {
            return List.copyOf(failures);
        }

        /** Operation × identity, the status each got ("expected≠actual" where it differed). */
        public String table() {
            StringBuilder out = new StringBuilder();
            int first = operations.stream().mapToInt(o -> o.id().length()).max().orElse(10);
            out.append(String.format("%-" + first + "s", "operation"));
            for (Identity identity : Identity.values()) {
                out.append(" | ").append(identity.column());
            }
            out.append('\n');
            for (ApiOperation operation : operations) {
                Map<Identity, String> row = cells.get(operation.id());
                if (row == null) {
                    continue;
                }
                out.append(String.format("%-" + first + "s", operation.id()));
                for (Identity identity : Identity.values()) {
                    out.append(" | ").append(String.format("%-" + identity.column().length() + "s",
                            row.getOrDefault(identity, "")));
                }
                out.append('\n');
            }
            return out.toString();
        }

        /** One line per mass-assignment request and its outcome. */
        public String massAssignmentLines() {
            return String.join("\n", massAssignmentCells);
        }
    }
}
