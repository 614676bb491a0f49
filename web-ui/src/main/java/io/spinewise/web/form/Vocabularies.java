package io.spinewise.web.form;

import io.quarkus.qute.TemplateExtension;
import io.spinewise.web.client.model.BodyRegion;
import io.spinewise.web.client.model.Category;
import io.spinewise.web.client.model.LibraryStatus;
import io.spinewise.web.client.model.Position;
import io.spinewise.web.client.model.Side;
import io.spinewise.web.client.model.Sides;
import io.spinewise.web.client.model.Term;

import java.util.List;

/**
 * The choices the forms offer, from the client model's enums, the one place that lists the
 * services' vocabularies: {@code {#for c in vocab:categories}<option value="{c}">{c.label}</option>{/for}}.
 */
@TemplateExtension(namespace = "vocab")
public final class Vocabularies {

    private Vocabularies() {
    }

    static List<BodyRegion> bodyRegions() {
        return Term.choices(BodyRegion.class);
    }

    static List<Category> categories() {
        return Term.choices(Category.class);
    }

    static List<Position> positions() {
        return Term.choices(Position.class);
    }

    /** A library dose: both sides at once or each in turn. */
    static List<Sides> librarySides() {
        return Term.choices(Sides.class);
    }

    /** A prescription may also name one side. */
    static List<Side> sides() {
        return Term.choices(Side.class);
    }

    /** What a library form may save: a draft or a published entry (archiving has its own page). */
    static List<LibraryStatus> savableStatuses() {
        return List.of(LibraryStatus.PUBLISHED, LibraryStatus.DRAFT);
    }
}
