package io.spinewise.web.client.model;

import java.util.Locale;

/** Words for the services' enum values (MOBILITY → "Mobility", EACH_SIDE → "each side"). */
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

    public static String side(String side) {
        if (side == null) {
            return "";
        }
        return switch (side) {
            case "EACH_SIDE" -> "each side";
            case "LEFT" -> "left side";
            case "RIGHT" -> "right side";
            default -> "";
        };
    }
}
