package io.spinewise.plan.api;

/** Where an instrument's wording comes from, for the caller's clinic. */
public enum TextSource {
    /** Spinewise ships it (the licence lets software include it). */
    SHIPPED,
    /** The caller's clinic entered it under its licence. */
    CLINIC,
    /** Nobody: a licence-required instrument whose text the clinic has not entered (or removed). */
    NONE
}
