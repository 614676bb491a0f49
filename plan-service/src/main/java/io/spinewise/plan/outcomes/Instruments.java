package io.spinewise.plan.outcomes;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The instrument library: the instruments Spinewise knows, by code. */
public final class Instruments {

    private static final List<Instrument> ALL = List.of(new Nprs(), new Psfs(), new Ndi(), new Rmdq(), new Odi());

    private Instruments() {
    }

    public static List<Instrument> all() {
        return ALL;
    }

    /** The instrument of this code, in any letter case. */
    public static Optional<Instrument> byCode(String code) {
        return code == null ? Optional.empty()
                : ALL.stream().filter(i -> i.code().equals(code.toUpperCase(Locale.ROOT))).findFirst();
    }
}
