package io.spinewise.common.input;

import io.spinewise.common.problem.ProblemException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks the query parameters that a resource method reads as numbers or booleans before JAX-RS
 * converts them, so that {@code size=abc} or {@code page=1e309} gets a 400 naming the parameter
 * (JAX-RS's own conversion failure does not say which one), and {@code days=maybe} is refused
 * instead of quietly read as false.
 */
@Provider
public class QueryParamTypes implements ContainerRequestFilter {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]+");
    private static final Map<Method, Map<String, Class<?>>> TYPES = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Map<String, List<String>> query = request.getUriInfo().getQueryParameters();
        TYPES.computeIfAbsent(method, QueryParamTypes::typesOf).forEach((name, type) -> {
            for (String value : query.getOrDefault(name, List.of())) {
                check(name, type, value.strip());
            }
        });
    }

    private static void check(String name, Class<?> type, String value) {
        if (value.isEmpty()) {
            return; // as if left out: the default applies
        }
        if (type == boolean.class || type == Boolean.class) {
            if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                throw ProblemException.invalid(name, "must be true or false");
            }
            return;
        }
        BigInteger max = maxOf(type);
        if (max == null) {
            return;
        }
        if (!WHOLE_NUMBER.matcher(value).matches()) {
            throw ProblemException.invalid(name, "must be a whole number");
        }
        BigInteger number = new BigInteger(value);
        if (number.compareTo(max) > 0 || number.compareTo(max.negate().subtract(BigInteger.ONE)) < 0) {
            throw ProblemException.invalid(name, "is out of range");
        }
    }

    private static BigInteger maxOf(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return BigInteger.valueOf(Integer.MAX_VALUE);
        }
        if (type == long.class || type == Long.class) {
            return BigInteger.valueOf(Long.MAX_VALUE);
        }
        if (type == short.class || type == Short.class) {
            return BigInteger.valueOf(Short.MAX_VALUE);
        }
        return null;
    }

    /** The query parameters a method reads, with their Java types, including those of its bean parameters. */
    private static Map<String, Class<?>> typesOf(Method method) {
        Map<String, Class<?>> types = new LinkedHashMap<>();
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query != null) {
                types.put(query.value(), parameter.getType());
            }
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (Class<?> c = parameter.getType(); c != null && c != Object.class; c = c.getSuperclass()) {
                    for (Field field : c.getDeclaredFields()) {
                        QueryParam fieldQuery = field.getAnnotation(QueryParam.class);
                        if (fieldQuery != null) {
                            types.put(fieldQuery.value(), field.getType());
                        }
                    }
                }
            }
        }
        return types;
    }
}
