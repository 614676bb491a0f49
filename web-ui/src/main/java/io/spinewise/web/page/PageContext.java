package io.spinewise.web.page;

import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * What the shared layout needs on every page, error pages included: the CSRF token for the
 * htmx header and the sign-out form. An error page can be rendered for a request that never
 * reached the CSRF filter (a refused login, say); it then simply has no token.
 * Templates reach it as {@code inject:page}.
 */
@Named("page")
@RequestScoped
public class PageContext {

    @Inject
    CsrfTokenParameterProvider csrf;

    /** The request's CSRF token, or an empty string when the CSRF filter did not run. */
    public String csrfToken() {
        try {
            String token = csrf.getToken();
            return token == null ? "" : token;
        } catch (IllegalStateException notFiltered) {
            return "";
        }
    }

    public String csrfField() {
        return csrf.getParameterName();
    }
}
