package io.spinewise.plan.data;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** The clinic's prescribers: the users its plans were created by, with the name stored at prescription. */
@ApplicationScoped
public class Prescribers {

    private static final NamedSql OF_CLINIC = new NamedSql("""
            SELECT created_by, coalesce(max(created_by_name), created_by) AS name FROM plan
            WHERE clinic_id = :clinic
            GROUP BY created_by ORDER BY lower(coalesce(max(created_by_name), created_by)), created_by""");

    @Inject
    Database database;

    /** A prescriber of the clinic: the user id plans were created by and the name stored at prescription. */
    public record Prescriber(String id, String name) {
    }

    /** By name; the name falls back to the id. */
    public List<Prescriber> of(String clinicId) {
        return database.list(OF_CLINIC, SqlValues.of("clinic", clinicId),
                rs -> new Prescriber(rs.getString("created_by"), rs.getString("name")));
    }
}
