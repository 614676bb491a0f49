package io.spinewise.keycloak.enrolment;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * Registers {@code /realms/{realm}/spinewise-enrolment}: the only door through which plan-service
 * creates (and takes back) patient accounts, now that its service account holds no
 * {@code realm-management} role.
 */
public class EnrolmentResourceProviderFactory implements RealmResourceProviderFactory {

    static final String ID = "spinewise-enrolment";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new PatientEnrolmentResource(session);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }
}
