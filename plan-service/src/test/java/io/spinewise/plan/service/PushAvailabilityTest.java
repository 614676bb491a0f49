package io.spinewise.plan.service;

import io.spinewise.plan.config.PushConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Without both VAPID keys push is not offered (and the planner plans none: it asks the same {@code available()}). */
class PushAvailabilityTest {

    private static final String POINT = "BCLB_9Agbp1Q4XDGVdIwJH7s_fYD1XlON5XF2SLblI0l_kexjye4AuvaSY8Olz2lsoqB0dA_ufNXlno6PTCBdn8";

    @Test
    void pushIsOfferedOnlyWithBothKeys() {
        assertThat(service(null, null).availability().available()).isFalse();
        assertThat(service(POINT, null).availability().available()).isFalse();
        assertThat(service(POINT, " ").availability().available()).isFalse();
        assertThat(service(null, "secret").availability().publicKey()).isNull();
        assertThat(service(POINT + "==", "secret").availability())
                .satisfies(a -> assertThat(a.available()).isTrue())
                .satisfies(a -> assertThat(a.publicKey()).isEqualTo(POINT));
    }

    private static PushSubscriptionService service(String publicKey, String privateKey) {
        PushSubscriptionService service = new PushSubscriptionService();
        service.config = new PushConfig() {
            @Override
            public Vapid vapid() {
                return new Vapid() {
                    @Override
                    public Optional<String> publicKey() {
                        return Optional.ofNullable(publicKey);
                    }

                    @Override
                    public Optional<String> privateKey() {
                        return Optional.ofNullable(privateKey);
                    }

                    @Override
                    public String subject() {
                        return "mailto:ops@spinewise.invalid";
                    }
                };
            }

            @Override
            public Duration ttl() {
                return Duration.ofHours(4);
            }

            @Override
            public String urgency() {
                return "normal";
            }

            @Override
            public Optional<String> tlsConfigurationName() {
                return Optional.empty();
            }

            @Override
            public int maxSubscriptionsPerPatient() {
                return 10;
            }
        };
        return service;
    }
}
