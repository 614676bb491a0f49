package io.spinewise.web.client;

import io.spinewise.web.client.model.Problem;
import io.spinewise.web.form.FieldTarget;
import io.spinewise.web.form.FormInput;
import jakarta.ws.rs.core.MultivaluedHashMap;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A form sending its request ({@link FormInput#send}): a service's refusal lands by the field the
 * user typed into, and a service that cannot be reached is not turned into form errors. (Here,
 * in the client's package, because refusals are made as the client makes them.)
 */
class FormRefusalTest {

    private static final Problem REFUSAL = new Problem("about:blank", "Invalid request", 400, "2 values are invalid",
            List.of(new Problem.Violation("schedule.startDate", "must not be in the past"),
                    new Problem.Violation("items[1].dosage.holdSeconds", "min must not be greater than max")));

    private static FieldTarget prescriptionField(String path) {
        if (path.equals("schedule.startDate")) {
            return new FieldTarget("startDate", "");
        }
        return path.startsWith("items") ? FieldTarget.of(path, "items", "items") : FieldTarget.same(path);
    }

    @Test
    void aRefusalBecomesErrorsByTheFieldsTheUserTypedInto() {
        FormInput form = FormInput.of(new MultivaluedHashMap<>());
        boolean accepted = form.send(() -> {
            throw new ServiceException(Service.PLAN, 400, REFUSAL, "refused");
        }, FormRefusalTest::prescriptionField);

        assertThat(accepted).isFalse();
        assertThat(form.errors()).containsEntry("startDate", "must not be in the past")
                .containsEntry("items", "[1].dosage.holdSeconds: min must not be greater than max");
        assertThat(form.refusal()).get().extracting(ServiceException::status).isEqualTo(400);
    }

    @Test
    void aFormWithErrorsIsNotSentAndAnAcceptedOneHasNoRefusal() {
        FormInput form = FormInput.of(new MultivaluedHashMap<>());
        int[] calls = {0};
        assertThat(form.send(() -> calls[0]++, FieldTarget::same)).isTrue();
        assertThat(form.refusal()).isEmpty();
        form.error("name", "Enter a name.");
        assertThat(form.send(() -> calls[0]++, FieldTarget::same)).isFalse();
        assertThat(calls[0]).isEqualTo(1);
    }

    @Test
    void anUnavailableServiceIsThrownOnToTheErrorPage() {
        FormInput form = FormInput.of(new MultivaluedHashMap<>());
        assertThatThrownBy(() -> form.send(() -> {
            throw new ServiceException(Service.CATALOG, 503, null, "down");
        }, FieldTarget::same)).isInstanceOf(ServiceException.class);
        assertThat(form.errors()).isEmpty();
    }
}
