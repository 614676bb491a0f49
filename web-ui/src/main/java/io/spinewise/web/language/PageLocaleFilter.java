package io.spinewise.web.language;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Gives every page its language before it is rendered. Quarkus renders a page's template with the
 * locale of the request's {@code Accept-Language} (the {@code selectedVariant} that the message
 * bundle, {@code msg:}, and the date formats, {@code fmt:day}, read), so the header is replaced by
 * the one language the page is to be in: the patient's choice, else their browser's, else English;
 * English on staff pages whatever the browser asks.
 */
public class PageLocaleFilter {

    @Inject
    PatientLanguage language;

    @ServerRequestFilter
    public void locale(ContainerRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.ACCEPT_LANGUAGE, language.locale().toLanguageTag());
    }
}
