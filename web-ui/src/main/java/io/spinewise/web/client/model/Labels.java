package io.spinewise.web.client.model;

import java.util.Locale;

/** Words for the services' constants (MOBILITY → "Mobility", clinic-admin → "Clinic admin"). */
public final class Labels {

    private Labels() {
    }

    /** "STANDING_AT_WALL" becomes "Standing at wall". */
    public static String of(String constant) {
        if (constant == null || constant.isBlank()) {
            return "";
        }
        String words = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
