package io.spinewise.web.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * How web-ui reads the services' JSON (the REST clients and {@link ServiceCalls} share this
 * mapper): a vocabulary value a service adds later is read as the enum's {@code OTHER}
 * ({@code client.model.Term}) instead of failing the whole page.
 */
@Singleton
public class JsonSettings implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE);
    }
}
