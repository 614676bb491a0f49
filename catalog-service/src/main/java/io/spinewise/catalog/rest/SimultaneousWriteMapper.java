package io.spinewise.catalog.rest;

import io.spinewise.common.problem.Problem;
import io.spinewise.common.problem.ProblemMappers;
import io.spinewise.common.problem.ProblemType;
import jakarta.ws.rs.core.Response;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A library write refused by a unique index. Every write looks for a duplicate (a taken slug, an
 * existing translation) before it inserts, so one that still hits the index lost a race with another
 * request writing the same entry at the same moment: that caller gets a 409 to reload and try again,
 * not a 500. Any other constraint is a bug and goes to the general handler.
 */
public class SimultaneousWriteMapper {

    private static final Logger LOG = Logger.getLogger(SimultaneousWriteMapper.class);
    /** PostgreSQL's unique_violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final ProblemMappers general = new ProblemMappers();

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
            return general.unexpected(e);
        }
        LOG.infof("Simultaneous duplicate write refused: %s", e.getConstraintName());
        return Response.status(409).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(ProblemType.CONFLICT,
                        "Another request wrote the same entry at the same moment; reload it and try again."))
                .build();
    }
}
