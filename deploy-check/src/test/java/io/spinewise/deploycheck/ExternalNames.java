package io.spinewise.deploycheck;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Secrets and ConfigMaps that k8s/ references but does not contain, read from the table
 * under the heading "Secrets ..." in docs/deployment.md: a name only counts as external if the how-to tells
 * the operator to create it.
 */
final class ExternalNames {

    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([a-z0-9][a-z0-9.-]*)`\\s*\\|");

    private ExternalNames() {
    }

    static Set<String> fromDeploymentGuide() {
        return parse(Repo.read("docs/deployment.md"));
    }

    static Set<String> parse(String markdown) {
        Set<String> names = new LinkedHashSet<>();
        boolean inSection = false;
        for (String line : markdown.split("\n")) {
            if (line.startsWith("#")) {
                inSection = line.replaceFirst("^#+\\s*", "").startsWith("Secrets");
            } else if (inSection) {
                Matcher m = ROW.matcher(line);
                if (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }
}
