package io.spinewise.plan.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spinewise.plan.outcomes.ClinicText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The licensed texts clinics entered (table {@code clinic_instrument_text}, V15): one per clinic and instrument,
 * replaced in place; a removed one is marked withdrawn and kept, so answers given with it stay readable.
 */
@ApplicationScoped
public class ClinicInstrumentTexts {

    private static final TypeReference<List<ClinicText.ItemText>> ITEMS = new TypeReference<>() {
    };

    private static final String COLUMNS = "instrument, title, instructions, items::text AS items, licence_holder,"
            + " licence_reference, valid_until, entered_by, entered_by_name, entered_at, withdrawn_at";

    private static final NamedSql PUT = new NamedSql("""
            INSERT INTO clinic_instrument_text (clinic_id, instrument, title, instructions, items, licence_holder,
                                                licence_reference, valid_until, entered_by, entered_by_name,
                                                entered_at)
            VALUES (:clinic, :instrument, :title, CAST(:instructions AS text), CAST(:items AS jsonb), :holder,
                    :reference, CAST(:until AS date), :by, CAST(:byName AS text), CAST(:now AS timestamptz))
            ON CONFLICT (clinic_id, instrument) DO UPDATE SET title = EXCLUDED.title,
                instructions = EXCLUDED.instructions, items = EXCLUDED.items, licence_holder = EXCLUDED.licence_holder,
                licence_reference = EXCLUDED.licence_reference, valid_until = EXCLUDED.valid_until,
                entered_by = EXCLUDED.entered_by, entered_by_name = EXCLUDED.entered_by_name,
                entered_at = EXCLUDED.entered_at, withdrawn_at = NULL""");

    private static final NamedSql ONE = new NamedSql("SELECT " + COLUMNS
            + " FROM clinic_instrument_text WHERE clinic_id = :clinic AND instrument = :instrument");

    private static final NamedSql OF_CLINIC = new NamedSql("SELECT " + COLUMNS
            + " FROM clinic_instrument_text WHERE clinic_id = :clinic ORDER BY instrument");

    private static final NamedSql WITHDRAW = new NamedSql("""
            UPDATE clinic_instrument_text SET withdrawn_at = CAST(:now AS timestamptz)
            WHERE clinic_id = :clinic AND instrument = :instrument AND withdrawn_at IS NULL""");

    @Inject
    Database database;

    @Inject
    ObjectMapper json;

    /** A stored text; {@code withdrawnAt} is set once the clinic removed it. */
    public record Stored(String instrument, ClinicText text, String enteredBy, String enteredByName,
                         Instant enteredAt, Instant withdrawnAt) {

        public boolean withdrawn() {
            return withdrawnAt != null;
        }
    }

    /** Stores the clinic's text of the instrument, replacing (and reinstating) any earlier one. */
    public void put(String clinicId, String instrument, ClinicText text, String by, String byName, Instant now) {
        database.update(PUT, SqlValues.of("clinic", clinicId).and("instrument", instrument)
                .and("title", text.title()).and("instructions", text.instructions()).and("items", write(text.items()))
                .and("holder", text.licenceHolder()).and("reference", text.licenceReference())
                .and("until", text.validUntil()).and("by", by).and("byName", byName).and("now", now));
    }

    /** The clinic's text of the instrument, withdrawn or not. */
    public Optional<Stored> find(String clinicId, String instrument) {
        return database.first(ONE, SqlValues.of("clinic", clinicId).and("instrument", instrument), this::stored);
    }

    /** Every text the clinic entered, withdrawn or not. */
    public List<Stored> ofClinic(String clinicId) {
        return database.list(OF_CLINIC, SqlValues.of("clinic", clinicId), this::stored);
    }

    /** Marks the clinic's text withdrawn; false when there is no text in use. */
    public boolean withdraw(String clinicId, String instrument, Instant now) {
        return database.update(WITHDRAW, SqlValues.of("clinic", clinicId).and("instrument", instrument)
                .and("now", now)) == 1;
    }

    /**
     * The clinic's text in a row that joined {@code clinic_instrument_text} with these columns' names (the FHIR
     * export's Questionnaires); empty when the join found none.
     */
    public Optional<ClinicText> joined(ResultSet rs) throws SQLException {
        return rs.getString("title") == null ? Optional.empty() : Optional.of(text(rs));
    }

    private ClinicText text(ResultSet rs) throws SQLException {
        return new ClinicText(rs.getString("title"), rs.getString("instructions"), read(rs.getString("items")),
                rs.getString("licence_holder"), rs.getString("licence_reference"),
                rs.getObject("valid_until", LocalDate.class));
    }

    private Stored stored(ResultSet rs) throws SQLException {
        ClinicText text = text(rs);
        Instant withdrawn = rs.getTimestamp("withdrawn_at") == null ? null : rs.getTimestamp("withdrawn_at").toInstant();
        return new Stored(rs.getString("instrument"), text, rs.getString("entered_by"), rs.getString("entered_by_name"),
                rs.getTimestamp("entered_at").toInstant(), withdrawn);
    }

    private List<ClinicText.ItemText> read(String items) {
        try {
            return json.readValue(items, ITEMS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored instrument text unreadable", e);
        }
    }

    private String write(List<ClinicText.ItemText> items) {
        try {
            return json.writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
