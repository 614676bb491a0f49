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

    /**
     * bench/README.md, "Start and memory": the services' heap is set in the image (not left to the base image's
     * share of the pod's limit), the same as the launcher's, and a full heap plus the JVM's own memory (class
     * metadata, compiled code, threads: about 200 MiB measured) fits what the scheduler reserves for the pod.
     */
    @ParameterizedTest
    @CsvSource({"catalog-service", "plan-service"})
    void heapIsSetInTheImageAndFitsThePodsRequest(String module) {
        String dockerfile = Repo.read(module + "/src/main/docker/Dockerfile.jvm");
        String deployment = Repo.read("k8s/base/" + module + "/deployment.yaml");
        String launcher = Repo.read("launcher/src/main/java/io/spinewise/launcher/QuarkusService.java");

        Matcher options = Pattern.compile("(?m)^ENV JAVA_OPTS_APPEND=\"([^\"]*)\"").matcher(dockerfile);
        assertThat(options.find()).as("JAVA_OPTS_APPEND").isTrue();
        Matcher heap = Pattern.compile("-Xms([0-9]+)m -Xmx([0-9]+)m").matcher(options.group(1));
        assertThat(heap.find()).as("-Xms and -Xmx in JAVA_OPTS_APPEND").isTrue();
        assertThat(launcher).as("the launcher's heap").contains(
                "List.of(\"-Xms" + heap.group(1) + "m\", \"-Xmx" + heap.group(2) + "m\"");
        Matcher request = Pattern.compile("requests:\\s*\\n\\s*cpu: \\S+\\s*\\n\\s*memory: ([0-9]+)Mi").matcher(deployment);
        assertThat(request.find()).as("the pod's memory request").isTrue();
        assertThat(Integer.parseInt(heap.group(2)) + 200).isLessThanOrEqualTo(Integer.parseInt(request.group(1)));
    }

    /**
     * bench/README.md, "Start and memory": the JVM hands freed native memory back (the JIT's arenas) and glibc keeps
     * two malloc arenas, in the image, in the launcher and in the bench's pods alike; without them catalog-service
     * kept about 30 MiB more resident after the calls under load.
     */
    @ParameterizedTest
    @CsvSource({"catalog-service", "plan-service"})
    void nativeMemoryIsTrimmedAndMallocArenasBoundedEverywhereTheServiceStarts(String module) {
        String dockerfile = Repo.read(module + "/src/main/docker/Dockerfile.jvm");
        String launcher = Repo.read("launcher/src/main/java/io/spinewise/launcher/QuarkusService.java");
        String bench = Repo.read("bench/src/main/java/io/spinewise/bench/service/Services.java");

        Matcher options = Pattern.compile("(?m)^ENV JAVA_OPTS_APPEND=\"([^\"]*)\"").matcher(dockerfile);
        assertThat(options.find()).as("JAVA_OPTS_APPEND").isTrue();
        Matcher memory = Pattern.compile("-Xms([0-9]+)m -Xmx([0-9]+)m -XX:TrimNativeHeapInterval=([1-9][0-9]*)")
                .matcher(options.group(1));
        assertThat(memory.find()).as("heap and TrimNativeHeapInterval in JAVA_OPTS_APPEND").isTrue();
        String trim = "\"-XX:TrimNativeHeapInterval=" + memory.group(3) + "\"";
        assertThat(launcher).as("the launcher's heap").contains("List.of(\"-Xms" + memory.group(1)
                + "m\", \"-Xmx" + memory.group(2) + "m\")");
        assertThat(launcher).as("the launcher's trim option (on a JDK that has it)").contains(trim);
        assertThat(bench).as("the bench pods' memory options").contains(trim);

        Matcher arenas = Pattern.compile("(?m)^ENV MALLOC_ARENA_MAX=([1-9][0-9]*)$").matcher(dockerfile);
        assertThat(arenas.find()).as("ENV MALLOC_ARENA_MAX").isTrue();
        assertThat(launcher).as("the launcher's environment")
                .contains("Map.of(\"MALLOC_ARENA_MAX\", \"" + arenas.group(1) + "\")");
        assertThat(bench).as("the bench pods' environment").contains("\"MALLOC_ARENA_MAX=" + arenas.group(1) + "\"");
    }

    @ParameterizedTest
    @CsvSource({"catalog-service, 8081", "plan-service, 8082", "web-ui, 8080"})
    void portIsTheOneTheServiceIsConfiguredFor(String module, int port) {
        String properties = Repo.read(module + "/src/main/resources/application.properties");

        assertThat(properties).containsPattern("(?m)^quarkus\\.http\\.port=" + port + "$");
    }
}
