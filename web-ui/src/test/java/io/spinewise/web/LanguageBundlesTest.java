package io.spinewise.web;

import io.spinewise.web.language.PatientLanguage;
import io.spinewise.web.language.PatientMessages;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every language's file holds every key of {@link PatientMessages}, no other, none empty, and keeps
 * the English text's placeholders: a key forgotten in one file would show English in that
 * language's page without anyone noticing (Qute falls back silently).
 */
class LanguageBundlesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    @TestFactory
    Stream<DynamicTest> everyLanguageHasEveryKeyAndNoOther() {
        Set<String> keys = Arrays.stream(PatientMessages.class.getDeclaredMethods()).map(m -> m.getName())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(keys).hasSizeGreaterThan(100);
        return PatientLanguage.OFFERED.stream().map(language -> DynamicTest.dynamicTest(language, () -> {
            Properties texts = load(language);
            assertThat(new TreeSet<>(texts.stringPropertyNames())).as("keys of msg_%s", language)
                    .isEqualTo(keys);
            assertThat(texts.stringPropertyNames()).allSatisfy(key ->
                    assertThat(texts.getProperty(key)).as("%s in msg_%s", key, language).isNotBlank());
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyTranslationKeepsTheEnglishPlaceholders() {
        Properties english = load("en");
        return PatientLanguage.OFFERED.stream().filter(l -> !l.equals("en")).map(language ->
                DynamicTest.dynamicTest(language, () -> {
                    Properties texts = load(language);
                    for (String key : english.stringPropertyNames()) {
                        assertThat(placeholders(texts.getProperty(key, ""))).as("%s in msg_%s", key, language)
                                .isEqualTo(placeholders(english.getProperty(key)));
                    }
                    assertThat(texts.getProperty("htmlLang")).isEqualTo(language);
                }));
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Properties load(String language) {
        Properties texts = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/messages/msg_" + language + ".properties"),
                StandardCharsets.UTF_8)) {
            texts.load(in);
        } catch (IOException e) {
            throw new AssertionError("msg_" + language + ".properties cannot be read", e);
        }
        return texts;
    }
}
