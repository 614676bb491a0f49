package io.spinewise.plan.data;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The rows of one exported FHIR resource type, for a whole clinic (the bulk export) or one patient of it
 * (the patient's Bundle): one SELECT whose WHERE names the clinic as {@code :clinic}, narrowed to a patient by
 * its patient column, in a stable order. Rows are read through a cursor ({@code fetchSize} at a time), so a
 * clinic's export never holds its whole table in memory; that needs a connection with autocommit off.
 */
public final class FhirQuery {

    /** Reads one row by column names. */
    @FunctionalInterface
    public interface Each {
        void row(ResultSet rs) throws SQLException, IOException;
    }

    private final NamedSql clinic;
    private final NamedSql patient;

    /**
     * @param select        {@code SELECT … WHERE <table>.clinic_id = :clinic [AND …]}
     * @param patientColumn the column holding the patient's id
     * @param orderBy       the columns that order the rows, unique together
     */
    public FhirQuery(String select, String patientColumn, String orderBy) {
        this.clinic = new NamedSql(select + " ORDER BY " + orderBy);
        this.patient = new NamedSql(select + " AND " + patientColumn + " = :patient ORDER BY " + orderBy);
    }

    /** Every row of the clinic, or only the patient's when {@code patientId} is not null; the row count. */
    public long each(Connection c, String clinicId, UUID patientId, int fetchSize, Each each)
            throws SQLException, IOException {
        SqlValues values = SqlValues.of("clinic", clinicId);
        NamedSql sql = patientId == null ? clinic : patient;
        if (patientId != null) {
            values.and("patient", patientId);
        }
        long rows = 0;
        try (PreparedStatement s = sql.prepare(c, values)) {
            s.setFetchSize(fetchSize);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    each.row(rs);
                    rows++;
                }
            }
        }
        return rows;
    }
}
