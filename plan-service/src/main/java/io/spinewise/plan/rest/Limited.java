package io.spinewise.plan.rest;

import io.spinewise.plan.service.RateLimiter;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint held to a per-user allowance besides the one every write has ({@link RateLimitFilter}):
 * enrolments and exports.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Limited {

    RateLimiter.Limit value();
}
