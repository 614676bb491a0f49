package io.spinewise.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * How much of an exercise: a hold time range, a repetition range, either, or neither (when
 * the source gives none, e.g. a soft-tissue release done until the muscles relax), plus sets
 * and sides. Ranges are stored as min/max columns so the database can check them.
 */
@Embeddable
public class Dosage {

    @Column(name = "hold_min_seconds")
    public Integer holdMinSeconds;

    @Column(name = "hold_max_seconds")
    public Integer holdMaxSeconds;

    @Column(name = "reps_min")
    public Integer repsMin;

    @Column(name = "reps_max")
    public Integer repsMax;

    @Column(name = "sets", nullable = false)
    public int sets;

    @Enumerated(EnumType.STRING)
    @Column(name = "sides", nullable = false)
    public Sides sides;

    public Dosage() {
    }

    public Dosage(Integer holdMinSeconds, Integer holdMaxSeconds, Integer repsMin, Integer repsMax, int sets, Sides sides) {
        this.holdMinSeconds = holdMinSeconds;
        this.holdMaxSeconds = holdMaxSeconds;
        this.repsMin = repsMin;
        this.repsMax = repsMax;
        this.sets = sets;
        this.sides = sides;
    }
}
