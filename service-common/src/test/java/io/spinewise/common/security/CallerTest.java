package io.spinewise.common.security;

import jakarta.json.Json;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The display-name rule every record of who acted uses. */
class CallerTest {

    @Test
    void theFullNameComesFirst() {
        assertThat(Caller.displayName(token(Map.of("name", " Ada Lovelace ", "preferred_username", "dr.ada"))))
                .isEqualTo("Ada Lovelace");
    }

    @Test
    void theUsernameStandsInForAMissingOrBlankName() {
        assertThat(Caller.displayName(token(Map.of("preferred_username", "dr.ada")))).isEqualTo("dr.ada");
        assertThat(Caller.displayName(token(Map.of("name", "  ", "preferred_username", "dr.ada")))).isEqualTo("dr.ada");
    }

    @Test
    void aJsonStringClaimIsReadWithoutItsQuotes() {
        assertThat(Caller.displayName(token(Map.of("name", Json.createValue("Ada Lovelace"))))).isEqualTo("Ada Lovelace");
    }

    @Test
    void aLongNameIsCutToTheColumnsWidth() {
        assertThat(Caller.displayName(token(Map.of("name", "a".repeat(300))))).hasSize(Caller.MAX_NAME_LENGTH);
    }

    @Test
    void withoutEitherClaimThereIsNoName() {
        assertThat(Caller.displayName(token(Map.of()))).isNull();
        assertThat(Caller.displayName(null)).isNull();
    }

    private static JsonWebToken token(Map<String, Object> claims) {
        Map<String, Object> all = new HashMap<>(claims);
        all.put("sub", "8d0c2f4e-1b7a-4c3d-9e5f-6a7b8c9d0e1f");
        return new JsonWebToken() {
            @Override
            public String getName() {
                return (String) all.get("sub");
            }

            @Override
            public Set<String> getClaimNames() {
                return all.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return (T) all.get(claimName);
            }
        };
    }
}
