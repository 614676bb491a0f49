package io.spinewise.web.language;

import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Gives every page its language before it is rendered: the {@code locale} attribute that the
 * message bundle ({@code msg:}) and the date formats ({@code fmt:day}) read. Runs before
 * Quarkus' own filter that renders the template.
 */
public class PageLocaleFilter {

    @Inject
    PatientLanguage language;

    @ServerResponseFilter(priority = Priorities.USER + 100)
    public void locale(ContainerResponseContext response) {
        if (response.getEntity() instanceof TemplateInstance page
                && page.getAttribute(TemplateInstance.LOCALE) == null) {
            page.setAttribute(TemplateInstance.LOCALE, language.locale(response.getStatus() < 500));
        }
    }
}
