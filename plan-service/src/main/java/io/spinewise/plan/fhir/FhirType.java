package io.spinewise.plan.fhir;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spinewise.plan.data.FhirQuery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;

/**
 * One FHIR resource type the export writes: where its rows come from and how a row becomes resources. Both the
 * patient's Bundle and the clinic's bulk export find every type through this interface, so adding a type
 * (QuestionnaireResponse, say) is one {@code @ApplicationScoped} class implementing it, and its SELECT beside the
 * others in {@link FhirQuery} (all hand-written SQL lives in package {@code data}).
 */
public interface FhirType {

    /** The FHIR resource type's name, e.g. {@code CarePlan}; also the bulk export's file name. */
    String name();

    /** Where the type stands among the Bundle's entries: the Patient first, then what refers to it. */
    int rank();

    /** Its rows: the clinic's, or one patient's. */
    FhirQuery query();

    /** The resources of one row (none, one or more, e.g. a check-off's pain before and after), each to {@code out}. */
    void map(ResultSet row, FhirRefs refs, Consumer<ObjectNode> out) throws SQLException;
}
