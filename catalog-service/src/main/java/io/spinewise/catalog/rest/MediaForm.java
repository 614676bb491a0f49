package io.spinewise.catalog.rest;

import io.spinewise.catalog.domain.MediaKind;
import io.spinewise.catalog.service.MediaService;
import io.spinewise.common.input.PlainText;
import io.spinewise.common.problem.ProblemException;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The text fields of an upload form, checked like any JSON text (no control characters, bounded length). */
record MediaForm(String alt, String caption) {

    static final int ALT_MAX = 400;
    static final int CAPTION_MAX = 40;

    static MediaForm read(FileUpload file, String alt, String caption) {
        if (file == null) {
            throw ProblemException.invalid("file", "a file is required (a multipart part named 'file')");
        }
        return new MediaForm(text("alt", alt, ALT_MAX), text("caption", caption, CAPTION_MAX));
    }

    /** A picture must say what it shows; a video may. */
    MediaService.Description describe(MediaKind kind) {
        if (kind == MediaKind.IMAGE && alt == null) {
            throw ProblemException.invalid("alt", "is required for a picture: say what it shows, for people who cannot see it");
        }
        return new MediaService.Description(alt, caption);
    }

    /** The stripped value, null when blank or absent. */
    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw ProblemException.invalid(field, "must be at most " + max + " characters");
        }
        PlainText.refusal(stripped, false).ifPresent(why -> {
            throw ProblemException.invalid(field, why);
        });
        return stripped;
    }
}
