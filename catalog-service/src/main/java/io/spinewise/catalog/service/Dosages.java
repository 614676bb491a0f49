package io.spinewise.catalog.service;

import io.spinewise.catalog.api.DosageDto;
import io.spinewise.catalog.api.Range;
import io.spinewise.catalog.domain.Dosage;

/** Converts between the API's range-shaped dosage and the stored min/max columns. */
public final class Dosages {

    private Dosages() {
    }

    public static Dosage toEntity(DosageDto dto) {
        Range hold = dto.holdSeconds();
        Range reps = dto.reps();
        return new Dosage(
                hold == null ? null : hold.min(), hold == null ? null : hold.max(),
                reps == null ? null : reps.min(), reps == null ? null : reps.max(),
                dto.sets(), dto.sides());
    }

    public static DosageDto toDto(Dosage dosage) {
        return new DosageDto(
                dosage.holdMinSeconds == null ? null : new Range(dosage.holdMinSeconds, dosage.holdMaxSeconds),
                dosage.repsMin == null ? null : new Range(dosage.repsMin, dosage.repsMax),
                dosage.sets, dosage.sides);
    }
}
