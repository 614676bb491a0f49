package io.spinewise.plan.outcomes;

/** On what terms an instrument's authors let software include its item texts. */
public enum Licence {
    /** Free to use, in software too: the item texts ship with Spinewise. */
    FREE,
    /** Free for non-commercial use only: the item texts do not ship (a clinic may be a commercial user). */
    FREE_NON_COMMERCIAL,
    /** A licence is required: only the definition ships; a clinic that holds a licence supplies the texts. */
    LICENCE_REQUIRED;

    /** Whether Spinewise may ship the item texts. */
    public boolean textsShipped() {
        return this == FREE;
    }
}
