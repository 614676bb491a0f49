package io.spinewise.web.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of PATCH /api/me: the patient's new time zone, their pages' language (en, de, fr, es), or both. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MePatch(String timeZone, String language) {

    public static MePatch timeZone(String timeZone) {
        return new MePatch(timeZone, null);
    }

    public static MePatch language(String language) {
        return new MePatch(null, language);
    }
}
