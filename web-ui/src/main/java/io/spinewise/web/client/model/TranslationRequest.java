package io.spinewise.web.client.model;

import java.util.List;

/** What the translation form sends to catalog-service to add or replace one language of a clinic exercise. */
public record TranslationRequest(String name, String summary, List<String> steps, List<String> cautions) {
}
