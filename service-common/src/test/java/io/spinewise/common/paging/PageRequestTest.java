package io.spinewise.common.paging;

import io.spinewise.common.problem.ProblemException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageRequestTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        // the parameter interpolator needs no expression-language implementation on the class path
        factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void theOffsetIsPageTimesSize() {
        assertThat(new PageRequest(3, 20).offset()).isEqualTo(60);
        assertThat(new PageRequest(PageRequest.MAX_PAGE, PageRequest.MAX_SIZE).offset())
                .isEqualTo(PageRequest.MAX_PAGE * PageRequest.MAX_SIZE).isPositive();
    }

    @Test
    void aPageWhoseOffsetWouldNotFitAnIntIsRefusedNamingThePage() {
        for (PageRequest paging : new PageRequest[] {new PageRequest(Integer.MAX_VALUE, 100),
                new PageRequest(PageRequest.MAX_PAGE + 1, 1), new PageRequest(-1, 20)}) {
            assertThatThrownBy(paging::offset).isInstanceOf(ProblemException.class)
                    .satisfies(e -> assertThat(((ProblemException) e).problem().violations())
                            .singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("page")));
            assertThatThrownBy(paging::page).isInstanceOf(ProblemException.class);
        }
    }

    @Test
    void theQueryParameterConstraintsRefuseAPageBeyondTheMaximum() {
        PageRequest huge = new PageRequest();
        huge.page = 99_999_999_999L;
        huge.size = 20;
        Set<ConstraintViolation<PageRequest>> violations = validator.validate(huge);
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.getPropertyPath()).hasToString("page");
            assertThat(v.getMessage()).isEqualTo("must be at most " + PageRequest.MAX_PAGE);
        });
        assertThat(validator.validate(new PageRequest(PageRequest.MAX_PAGE, PageRequest.MAX_SIZE))).isEmpty();
    }
}
