package io.spinewise.web.library;

import io.spinewise.web.client.model.ExerciseTranslation;
import io.spinewise.web.client.model.TranslationRequest;
import io.spinewise.web.form.FieldTarget;
import io.spinewise.web.form.FormInput;

/** The translation form's fields as text, shown again as typed; steps and cautions are one per line. */
public record TranslationForm(String name, String summary, String steps, String cautions) {

    static TranslationForm empty() {
        return new TranslationForm("", "", "", "");
    }

    static TranslationForm of(ExerciseTranslation t) {
        return new TranslationForm(t.name(), t.summary(), String.join("\n", t.stepsOrEmpty()),
                String.join("\n", t.cautionsOrEmpty()));
    }

    static TranslationForm read(FormInput in) {
        return new TranslationForm(in.text("name"), in.text("summary"), in.text("steps"), in.text("cautions"));
    }

    /** Checks the form like the exercise form does, reporting into {@code in}, and the request it sends. */
    TranslationRequest request(FormInput in) {
        if (name.isBlank()) {
            in.error("name", "Enter the name in this language.");
        }
        if (summary.isBlank()) {
            in.error("summary", "Enter the one-line summary in this language.");
        }
        if (in.lines("steps").isEmpty()) {
            in.error("steps", "Enter at least one step (one per line).");
        }
        return new TranslationRequest(name, summary, in.lines("steps"), in.lines("cautions"));
    }

    /** Where catalog-service's complaint shows: e.g. {@code steps[1]} beside the steps. */
    static FieldTarget field(String path) {
        String top = path.split("[.\\[]", 2)[0];
        return switch (top) {
            case "name", "summary", "steps", "cautions" -> FieldTarget.of(path, top, top);
            default -> FieldTarget.same(path);
        };
    }
}
