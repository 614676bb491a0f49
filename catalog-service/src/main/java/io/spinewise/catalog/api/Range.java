package io.spinewise.catalog.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.TYPE;

/** An inclusive range such as "30–60 seconds" or "24–40 repetitions"; min may equal max ("about 60 s"). */
@Range.Ordered
public record Range(
        @NotNull @Min(value = 1, message = "must be at least 1") @Max(value = 3600, message = "must be at most 3600") Integer min,
        @NotNull @Min(value = 1, message = "must be at least 1") @Max(value = 3600, message = "must be at most 3600") Integer max) {

    /** A range whose min is not above its max. */
    @Target(TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = OrderedValidator.class)
    public @interface Ordered {
        String message() default "min must not be greater than max";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    public static class OrderedValidator implements ConstraintValidator<Ordered, Range> {
        @Override
        public boolean isValid(Range range, ConstraintValidatorContext context) {
            return range == null || range.min() == null || range.max() == null || range.min() <= range.max();
        }
    }
}
