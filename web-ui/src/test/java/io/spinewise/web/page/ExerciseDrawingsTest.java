package io.spinewise.web.page;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared library's drawings (static files under {@code /img/exercises/}): each is well-formed
 * SVG that scales (a viewBox), carries no words (captions and text alternatives are the page's, so
 * they can be translated) and nothing that runs or loads anything; and each one the catalog's
 * migrations point at is shipped.
 */
class ExerciseDrawingsTest {

    private static final Path DRAWINGS = Path.of("src/main/resources/META-INF/resources/img/exercises");
    private static final Path CATALOG_MIGRATIONS = Path.of("../catalog-service/src/main/resources/db/migration");
    private static final String SVG = "http://www.w3.org/2000/svg";
    /** Elements that would put words in the picture, run code or pull in other content. */
    private static final Set<String> FORBIDDEN = Set.of("text", "tspan", "textPath", "script", "foreignObject",
            "image", "use", "iframe", "style", "a", "animate", "set", "feImage");

    @TestFactory
    Stream<DynamicTest> everyDrawingIsSafeScalableSvgWithoutText() throws IOException {
        return drawings().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Element svg = parse(file).getDocumentElement();
            assertThat(svg.getNamespaceURI()).isEqualTo(SVG);
            assertThat(svg.getLocalName()).isEqualTo("svg");
            assertThat(svg.getAttribute("viewBox")).matches("0 0 \\d+ \\d+");
            assertThat(svg.getAttribute("role")).isEqualTo("img");
            assertThat(svg.getElementsByTagNameNS(SVG, "title").getLength()).isEqualTo(1);
            List<String> problems = new ArrayList<>();
            NodeList all = svg.getElementsByTagNameNS("*", "*");
            for (int i = 0; i < all.getLength(); i++) {
                Element element = (Element) all.item(i);
                if (!SVG.equals(element.getNamespaceURI()) || FORBIDDEN.contains(element.getLocalName())) {
                    problems.add("element " + element.getTagName());
                }
                problems.addAll(attributeProblems(element));
            }
            problems.addAll(attributeProblems(svg));
            assertThat(problems).isEmpty();
        }));
    }

    @Test
    void theFourShippedExercisesEachHaveAStartAndAnEndDrawing() throws IOException {
        Set<String> names = new TreeSet<>(drawings().stream().map(p -> p.getFileName().toString()).toList());
        for (String slug : List.of("wall-ball-release", "thoracic-wall-extension", "cat-cow", "spinal-wedge")) {
            assertThat(names).contains(slug + "-start.svg", slug + "-end.svg");
        }
    }

    @Test
    void everyDrawingTheCatalogPointsAtIsShipped() throws IOException {
        Set<String> referenced = new TreeSet<>();
        Pattern url = Pattern.compile("'/img/exercises/([a-z0-9.-]+)'");
        try (Stream<Path> migrations = Files.list(CATALOG_MIGRATIONS)) {
            for (Path migration : migrations.toList()) {
                Matcher m = url.matcher(Files.readString(migration));
                while (m.find()) {
                    referenced.add(m.group(1));
                }
            }
        }
        assertThat(referenced).hasSize(8);
        referenced.forEach(name -> assertThat(DRAWINGS.resolve(name)).as("drawing " + name).isRegularFile());
    }

    @Test
    void aDrawingWithTextOrAScriptIsFound() throws Exception {
        // the check itself, on a drawing that has what no drawing may have
        Path bad = Files.createTempFile("bad", ".svg");
        Files.writeString(bad, "<svg xmlns='" + SVG + "' xmlns:x='http://www.w3.org/1999/xlink' viewBox='0 0 10 10'>"
                + "<text>Start</text><script>alert(1)</script><image x:href='https://example.org/a.png'/>"
                + "<rect onclick='alert(1)' width='1' height='1'/></svg>");
        Element svg = parse(bad).getDocumentElement();
        List<String> found = new ArrayList<>();
        NodeList all = svg.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (FORBIDDEN.contains(element.getLocalName())) {
                found.add(element.getLocalName());
            }
            found.addAll(attributeProblems(element));
        }
        assertThat(found).contains("text", "script", "image").anyMatch(p -> p.contains("onclick"))
                .anyMatch(p -> p.contains("example.org"));
        Files.delete(bad);
    }

    /** Event handlers, links, and CSS that could load something (url() other than a local #id). */
    private static List<String> attributeProblems(Element element) {
        List<String> problems = new ArrayList<>();
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attr = (Attr) attributes.item(i);
            String name = attr.getLocalName() == null ? attr.getName() : attr.getLocalName();
            String value = attr.getValue();
            if (name.toLowerCase().startsWith("on") || (name.equals("href") && !value.startsWith("#"))
                    || value.matches("(?s).*url\\((?!#).*") || value.contains("javascript:")) {
                problems.add(element.getTagName() + " @" + attr.getName() + "=" + value);
            }
        }
        return problems;
    }

    private static List<Path> drawings() throws IOException {
        try (Stream<Path> files = Files.list(DRAWINGS)) {
            List<Path> svgs = files.filter(p -> p.toString().endsWith(".svg")).sorted().toList();
            assertThat(svgs).isNotEmpty();
            return svgs;
        }
    }

    /** A namespace-aware parser that refuses a DOCTYPE, so no entity or external DTD is ever read. */
    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder.parse(file.toFile());
    }
}
