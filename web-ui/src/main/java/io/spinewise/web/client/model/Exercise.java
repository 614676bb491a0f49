package io.spinewise.web.client.model;

import java.util.List;

/**
 * A catalog exercise as catalog-service shows it: name, summary, steps and cautions in
 * {@code language}, the reader's where the catalog has it, else English.
 */
public record Exercise(String slug, String language, String name, BodyRegion bodyRegion, Category category, String summary,
                       List<String> steps, Position position, List<Equipment> equipment, List<String> cautions,
                       String mediaRef, List<Illustration> illustrations, List<Media> media, Dosage dosage, LibraryStatus status, Owner owner, Integer version) {

    /** Equipment and what may replace it at home. */
    public record Equipment(String name, List<String> substitutes) {
        public List<String> substitutesOrEmpty() {
            return substitutes == null ? List.of() : substitutes;
        }
    }

    /** The catalog's suggested dose. */
    public record Dosage(Range holdSeconds, Range reps, Integer sets, Sides sides) {
    }

    /** The language of the name, summary, steps and cautions (BCP 47 primary tag); English when the catalog says none. */
    public String textLanguage() {
        return language == null || language.isBlank() ? "en" : language;
    }

    public List<String> stepsOrEmpty() {
        return steps == null ? List.of() : steps;
    }

    public List<Equipment> equipmentOrEmpty() {
        return equipment == null ? List.of() : equipment;
    }

    /** Its pictures in the order shown; one the page may not show (see {@link Illustration#onOwnOrigin}) is left out. */
    public List<Illustration> pictures() {
        return illustrations == null ? List.of() : illustrations.stream().filter(Illustration::onOwnOrigin).toList();
    }

    /** The clinic's own photos and videos, oldest first; a kind this app does not know is left out. */
    public List<Media> clinicMedia() {
        return media == null ? List.of() : media.stream().filter(m -> m.image() || m.video()).toList();
    }

    public List<String> cautionsOrEmpty() {
        return cautions == null ? List.of() : cautions;
    }

    public boolean clinicOwned() {
        return owner == Owner.CLINIC;
    }
}
