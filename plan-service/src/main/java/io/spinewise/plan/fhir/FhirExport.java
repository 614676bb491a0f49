package io.spinewise.plan.fhir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.spinewise.plan.config.FhirConfig;
import io.spinewise.plan.data.FhirQuery;
import io.spinewise.plan.report.ReportTimeout;
import io.spinewise.plan.service.Today;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The FHIR R4 export: one patient's record as a Bundle, and a clinic's resources of one type as NDJSON (one
 * resource a line), streamed. Both read in one read-only, repeatable-read transaction, so a Bundle's entries come
 * from one snapshot and every reference in it has its target; the stream has the reports' statement timeout.
 */
@ApplicationScoped
public class FhirExport {

    /** The media type of a FHIR JSON resource. */
    public static final String FHIR_JSON = "application/fhir+json";

    /** The media type of the bulk files: FHIR JSON resources, one a line. */
    public static final String FHIR_NDJSON = "application/fhir+ndjson";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    @Any
    Instance<FhirType> types;

    @Inject
    ObjectMapper json;

    @Inject
    FhirConfig config;

    @Inject
    ReportTimeout timeout;

    @Inject
    Today today;

    /** The exported types, in the Bundle's order. */
    public List<FhirType> types() {
        return types.stream().sorted(Comparator.comparingInt(FhirType::rank)).toList();
    }

    /**
     * The exported types of this resource type's name ({@code CarePlan}, …), in the Bundle's order; empty when
     * it is not exported. Several for {@code Observation}: pain ratings and questionnaire scores.
     */
    public List<FhirType> types(String name) {
        return types().stream().filter(t -> t.name().equals(name)).toList();
    }

    /** The names of the exported resource types, each once. */
    public List<String> names() {
        return types().stream().map(FhirType::name).distinct().toList();
    }

    /**
     * A Bundle of type {@code collection} holding one patient's Patient, CarePlans, Procedures, Observations, and Questionnaires with their responses
     * (the patient must be of the clinic: the caller checked). {@code collection}, not {@code document}: a
     * document needs a Composition, an attested clinical summary with an author, which an export is not.
     */
    public byte[] bundle(String clinicId, UUID patientId) {
        ObjectNode bundle = FhirJson.resource("Bundle", UUID.randomUUID());
        bundle.put("type", "collection");
        bundle.put("timestamp", FhirJson.instant(today.now()));
        ArrayNode entries = bundle.putArray("entry");
        try {
            List<FhirType> ordered = types();
            List<List<ObjectNode>> byType = new ArrayList<>();
            ordered.forEach(t -> byType.add(new ArrayList<>()));
            // types that read the same rows (answers: QuestionnaireResponse and score Observation) share one read
            Map<FhirQuery, List<Integer>> byQuery = new LinkedHashMap<>();
            for (int i = 0; i < ordered.size(); i++) {
                byQuery.computeIfAbsent(ordered.get(i).query(), q -> new ArrayList<>()).add(i);
            }
            read(c -> {
                long rows = 0;
                for (Map.Entry<FhirQuery, List<Integer>> query : byQuery.entrySet()) {
                    rows += query.getKey().each(c, clinicId, patientId, config.fetchSize(), row -> {
                        for (int i : query.getValue()) {
                            List<ObjectNode> resources = byType.get(i);
                            ordered.get(i).map(row, FhirRefs.BUNDLE, resource -> {
                                FhirNarrative.add(resource);
                                resources.add(resource);
                            });
                        }
                    });
                }
                return rows;
            });
            byType.forEach(resources -> resources.forEach(resource -> entries.addObject()
                    .put("fullUrl", "urn:uuid:" + resource.get("id").asText())
                    .set("resource", resource)));
            return json.writeValueAsBytes(bundle);
        } catch (SQLException e) {
            if (ReportTimeout.causedBy(e)) {
                throw timeout.problem();
            }
            throw new IllegalStateException("FHIR bundle failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the clinic's resources of {@code sameName} (the types of one resource name) to {@code output}, one
     * a line; the number of resources.
     */
    public long ndjson(OutputStream output, String clinicId, List<FhirType> sameName) throws IOException {
        OutputStream buffered = new BufferedOutputStream(output, 1 << 16);
        long[] resources = {0};
        try {
            read(c -> {
                for (FhirType type : sameName) {
                    type.query().each(c, clinicId, null, config.fetchSize(), row -> {
                        try {
                            type.map(row, FhirRefs.NDJSON, resource -> {
                                FhirNarrative.add(resource);
                                line(buffered, resource);
                                resources[0]++;
                            });
                        } catch (UncheckedIOException e) {
                            throw e.getCause();
                        }
                    });
                }
                return resources[0];
            });
        } catch (SQLException e) {
            if (ReportTimeout.causedBy(e)) {
                throw timeout.problem();
            }
            throw new IOException("FHIR export failed", e);
        }
        buffered.flush();
        return resources[0];
    }

    private void line(OutputStream out, ObjectNode resource) {
        try {
            out.write(json.writeValueAsBytes(resource));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code work} in a read-only, repeatable-read transaction with the reports' statement timeout. */
    private long read(Work work) throws SQLException, IOException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            int isolation = c.getTransactionIsolation();
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                timeout.apply(c);
                return work.run(c);
            } finally {
                c.rollback();
                c.setReadOnly(false);
                c.setTransactionIsolation(isolation);
                c.setAutoCommit(autoCommit);
            }
        }
    }

    @FunctionalInterface
    private interface Work {
        long run(Connection c) throws SQLException, IOException;
    }
}
