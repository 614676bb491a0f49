package io.spinewise.common.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * JSON bodies are read strictly, so that what a client sent is either what the service stores or
 * a 400 naming the field: text goes through {@link PlainText}; a number with a fraction is not
 * cut to a whole one (1.5 sets is not 1); a key given twice is refused rather than the last one
 * winning; anything after the body is refused rather than ignored (a half-merged request must
 * not be obeyed); null for a number that cannot be null is refused rather than read as 0; dates
 * and UUIDs are read in one spelling only ({@link PlausibleValues}).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        SimpleModule module = new SimpleModule("spinewise-plain-text");
        module.addDeserializer(String.class, new PlainTextDeserializer());
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            // a modifier rather than added deserializers: it has the last word over the java.time module's
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                if (description.getBeanClass() == LocalDate.class) {
                    return new StrictScalar<>(LocalDate.class, PlausibleValues::date, PlausibleValues.DATE_RULE);
                }
                if (description.getBeanClass() == UUID.class) {
                    return new StrictScalar<>(UUID.class, PlausibleValues::uuid, PlausibleValues.UUID_RULE);
                }
                return deserializer;
            }

            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                              BeanDescription description, JsonDeserializer<?> deserializer) {
                return new PlainTextEnum(deserializer, type.getRawClass());
            }
        });
        mapper.registerModule(module);
    }

    private static void check(JsonParser parser, Class<?> target) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            String refusal = PlainText.refusal(parser.getText(), true).orElse(null);
            if (refusal != null) {
                throw new RefusedTextException(parser, refusal, target);
            }
        }
    }

    /** Jackson's own string reading, then the {@link PlainText} rules. */
    static final class PlainTextDeserializer extends StdScalarDeserializer<String> {

        PlainTextDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            check(parser, String.class);
            return StringDeserializer.instance.deserialize(parser, context);
        }
    }

    /** A value written as a JSON string in exactly one spelling, else refused with {@code rule}. */
    static final class StrictScalar<T> extends StdScalarDeserializer<T> {

        private final Function<String, Optional<T>> reader;
        private final String rule;

        StrictScalar(Class<T> type, Function<String, Optional<T>> reader, String rule) {
            super(type);
            this.reader = reader;
            this.rule = rule;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                throw new RefusedTextException(parser, rule, handledType());
            }
            return reader.apply(parser.getText()).orElseThrow(() -> new RefusedTextException(parser, rule, handledType()));
        }
    }

    /** An enum's own reading, after the {@link PlainText} rules (a NUL after a valid name is not that name). */
    static final class PlainTextEnum extends DelegatingDeserializer {

        private final Class<?> target;

        PlainTextEnum(JsonDeserializer<?> delegate, Class<?> target) {
            super(delegate);
            this.target = target;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new PlainTextEnum(delegate, target);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            check(parser, target);
            return super.deserialize(parser, context);
        }
    }
}
