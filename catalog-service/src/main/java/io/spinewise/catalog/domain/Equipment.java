package io.spinewise.catalog.domain;

import java.util.List;

/** A piece of equipment and what a patient may use instead (stored as JSON with the exercise). */
public record Equipment(String name, List<String> substitutes) {
}
