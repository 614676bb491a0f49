package io.spinewise.plan;

import io.spinewise.plan.audit.Audited;
import io.spinewise.plan.audit.AuditResource;
import io.spinewise.plan.rest.ClinicResource;
import io.spinewise.plan.rest.DashboardResource;
import io.spinewise.plan.rest.MeResource;
import io.spinewise.plan.rest.PatientResource;
import io.spinewise.plan.rest.PlanResource;
import io.spinewise.plan.rest.PushSubscriptionResource;
import io.spinewise.plan.rest.ReportResource;
import io.spinewise.plan.rest.RtmReportResource;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint states who may call it, none is open to anonymous callers, and every
 * endpoint names its audit action (plan-service holds patient data throughout).
 */
class EndpointSecurityTest {

    private static final List<Class<?>> RESOURCES = List.of(PatientResource.class, PlanResource.class, MeResource.class,
            DashboardResource.class, ClinicResource.class, ReportResource.class, RtmReportResource.class, AuditResource.class,
            PushSubscriptionResource.class);

    @Test
    void everyEndpointDeclaresWhoMayCallIt() {
        assertThat(endpoints().filter(m -> !m.isAnnotationPresent(RolesAllowed.class) && !m.isAnnotationPresent(PermitAll.class)
                && !m.isAnnotationPresent(DenyAll.class)).map(Method::getName).toList()).isEmpty();
        assertThat(endpoints().filter(m -> m.isAnnotationPresent(PermitAll.class)).map(Method::getName).toList()).isEmpty();
    }

    @Test
    void everyEndpointNamesItsAuditAction() {
        assertThat(endpoints()
                .filter(m -> !m.isAnnotationPresent(Audited.class) || m.getAnnotation(Audited.class).value().isEmpty())
                .map(m -> m.getDeclaringClass().getSimpleName() + "." + m.getName()).toList()).isEmpty();
    }

    private static java.util.stream.Stream<Method> endpoints() {
        return RESOURCES.stream().flatMap(r -> Arrays.stream(r.getDeclaredMethods()))
                .filter(m -> m.isAnnotationPresent(GET.class) || m.isAnnotationPresent(POST.class)
                        || m.isAnnotationPresent(PUT.class) || m.isAnnotationPresent(DELETE.class)
                        || m.isAnnotationPresent(PATCH.class));
    }
}
