package io.spinewise.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The three JVM Dockerfiles: conventional, pinned, unprivileged, health-checked, on the agreed port. */
class DockerfilesTest {

    @ParameterizedTest
    @CsvSource({"catalog-service, 8081", "plan-service, 8082", "web-ui, 8080"})
    void imageIsPinnedUnprivilegedAndHealthChecked(String module, int port) {
        String dockerfile = Repo.read(module + "/src/main/docker/Dockerfile.jvm");

        Matcher from = Pattern.compile("(?m)^FROM\\s+(\\S+)").matcher(dockerfile);
        assertThat(from.find()).as("FROM").isTrue();
        assertThat(ImageRef.parse(from.group(1)).pinned()).as("base image " + from.group(1) + " pinned").isTrue();

        Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(dockerfile);
        assertThat(user.find()).as("USER").isTrue();
        assertThat(user.group(1)).matches("[1-9][0-9]*");

        assertThat(dockerfile).contains("COPY --chown=" + user.group(1) + " target/quarkus-app/lib/ /deployments/lib/")
                .contains("target/quarkus-app/quarkus/")
                .contains("EXPOSE " + port)
                .contains("ENV QUARKUS_HTTP_PORT=" + port)
                .containsPattern("(?m)^ENTRYPOINT ");
        Matcher healthcheck = Pattern.compile("(?ms)^HEALTHCHECK .*?CMD (.*?)$").matcher(dockerfile);
        assertThat(healthcheck.find()).as("HEALTHCHECK").isTrue();
        assertThat(healthcheck.group(1)).contains("/q/health/live", "/q/health/ready", "/" + port);
        assertThat(dockerfile).doesNotContainIgnoringCase(":latest");
    }

    @ParameterizedTest
    @CsvSource({"catalog-service, 8081", "plan-service, 8082", "web-ui, 8080"})
    void portIsTheOneTheServiceIsConfiguredFor(String module, int port) {
        String properties = Repo.read(module + "/src/main/resources/application.properties");

        assertThat(properties).containsPattern("(?m)^quarkus\\.http\\.port=" + port + "$");
    }
}
