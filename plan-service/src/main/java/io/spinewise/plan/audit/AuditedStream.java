package io.spinewise.plan.audit;

import io.spinewise.common.problem.ProblemException;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A streamed download whose audit record is written when the stream ends, not when the
 * response starts (by then the status is 200 whatever happens next): an export that breaks off
 * — the database fails, the client goes away — is recorded as FAILED, a complete one as SUCCESS
 * with the number of rows it held.
 */
public final class AuditedStream implements StreamingOutput {

    /** Writes the export and tells how many rows it wrote. */
    public interface Export {
        long writeTo(OutputStream output) throws IOException;
    }

    /** Records how the stream ended: an HTTP-like status and a short detail for the record's target. */
    public interface Ending {
        void ended(int status, String detail);
    }

    private final Export export;
    private final Ending ending;

    public AuditedStream(Export export, Ending ending) {
        this.export = export;
        this.ending = ending;
    }

    @Override
    public void write(OutputStream output) throws IOException {
        long rows;
        try {
            rows = export.writeTo(output);
        } catch (ProblemException e) {
            // refused before anything was sent (the report's statement timeout): the caller gets this problem
            ending.ended(e.problem().status(), "refused: " + e.problem().detail());
            throw e;
        } catch (IOException | RuntimeException e) {
            ending.ended(500, "broke off: " + e.getClass().getSimpleName());
            throw e;
        }
        ending.ended(200, rows + " rows");
    }
}
