package io.spinewise.catalog.rest;

import io.spinewise.common.problem.Problem;
import io.spinewise.common.problem.ProblemMappers;
import io.spinewise.common.problem.ProblemType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.IOException;

/** An upload form the HTTP layer cannot parse (cut short, a broken boundary) is the sender's mistake: 400, not 500. */
public class UploadProblems {

    @ServerExceptionMapper
    public Response unreadableForm(IOException e) {
        if (e.getMessage() != null && e.getMessage().contains("multipart")) {
            return Response.status(400).type(Problem.MEDIA_TYPE).entity(Problem.of(ProblemType.MALFORMED_REQUEST,
                    "The multipart form is malformed or cut short; send the parts file, alt and caption, each complete.")).build();
        }
        return new ProblemMappers().unexpected(e);
    }
}
