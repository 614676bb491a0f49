package io.spinewise.catalog;

import io.spinewise.catalog.rest.ExerciseResource;
import io.spinewise.catalog.rest.RoutineResource;
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
 * Every endpoint states who may call it. The runtime denies unannotated endpoints anyway
 * ({@code deny-unannotated-endpoints}); this keeps the intent visible in review.
 */
class EndpointSecurityTest {

    private static final List<Class<?>> RESOURCES = List.of(ExerciseResource.class, RoutineResource.class);

    @Test
    void everyEndpointDeclaresWhoMayCallIt() {
        List<String> undeclared = RESOURCES.stream()
                .flatMap(resource -> Arrays.stream(resource.getDeclaredMethods()))
                .filter(EndpointSecurityTest::isEndpoint)
                .filter(m -> !m.isAnnotationPresent(RolesAllowed.class) && !m.isAnnotationPresent(PermitAll.class)
                        && !m.isAnnotationPresent(DenyAll.class))
                .map(m -> m.getDeclaringClass().getSimpleName() + "." + m.getName())
                .toList();
        assertThat(undeclared).isEmpty();
    }

    @Test
    void noEndpointIsOpenToAnonymousCallers() {
        List<String> open = RESOURCES.stream()
                .flatMap(resource -> Arrays.stream(resource.getDeclaredMethods()))
                .filter(EndpointSecurityTest::isEndpoint)
                .filter(m -> m.isAnnotationPresent(PermitAll.class))
                .map(Method::getName)
                .toList();
        assertThat(open).isEmpty();
    }

    private static boolean isEndpoint(Method method) {
        return method.isAnnotationPresent(GET.class) || method.isAnnotationPresent(POST.class)
                || method.isAnnotationPresent(PUT.class) || method.isAnnotationPresent(DELETE.class)
                || method.isAnnotationPresent(PATCH.class);
    }
}
