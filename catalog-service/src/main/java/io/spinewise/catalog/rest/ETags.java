package io.spinewise.catalog.rest;

import io.spinewise.common.problem.ProblemException;
import io.spinewise.common.problem.ProblemType;
import jakarta.ws.rs.core.EntityTag;

/** Entry versions as HTTP entity tags ({@code "3"}), and the If-Match rules of the writes. */
final class ETags {

    private ETags() {
    }

    static EntityTag of(int version) {
        return new EntityTag(Integer.toString(version));
    }

    /** The version a PUT was based on; a PUT without If-Match could silently undo someone's edit. */
    static int required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    "Send the entry's ETag in an If-Match header, so that a concurrent change is not overwritten.");
        }
        return parse(ifMatch);
    }

    /** The version named by an optional If-Match, or null when absent. */
    static Integer optional(String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : parse(ifMatch);
    }

    private static int parse(String ifMatch) {
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Integer.parseInt(tag);
        } catch (NumberFormatException e) {
            // an ETag this service never issued cannot match the current entry
            throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                    "If-Match " + ifMatch + " does not match the entry; reload it to get its current ETag.");
        }
    }
}
