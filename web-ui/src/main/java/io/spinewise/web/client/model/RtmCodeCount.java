package io.spinewise.web.client.model;

/** A code a month's minutes reach, and how many times. */
public record RtmCodeCount(String code, int units) {

    /** "98981 ×2", or the code alone once. */
    public String label() {
        return units == 1 ? code : code + " ×" + units;
    }
}
