package io.spinewise.plan.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new patient of the caller's clinic; the clinic comes from the token. The email is the login. */
public record EnrolmentRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = PERSON_NAME, message = PERSON_NAME_MESSAGE) String firstName,
        @NotBlank @Size(max = 100) @Pattern(regexp = PERSON_NAME, message = PERSON_NAME_MESSAGE) String lastName,
        @NotBlank @Email(message = "must be an email address") @Size(max = 254) String email,
        @NotBlank @Size(max = 64) @TimeZoneId String timeZone) {

    /**
     * No markup in names. Keycloak's own person-name validator refuses a few more characters;
     * its refusal comes back as a 400 problem too (see KeycloakIdentityDirectory).
     */
    static final String PERSON_NAME = "^[^<>]*$";
    static final String PERSON_NAME_MESSAGE = "must not contain < or >";
}
