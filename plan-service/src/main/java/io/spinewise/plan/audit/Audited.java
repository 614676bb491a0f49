package io.spinewise.plan.audit;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint that reads, changes or exports patient data: every call to it, allowed
 * or refused, is written to the audit log under this action name ({@link AuditFilter}).
 */
@NameBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface Audited {

    /** What was done, e.g. {@code patient.read}, {@code report.csv}. */
    String value() default "";
}
