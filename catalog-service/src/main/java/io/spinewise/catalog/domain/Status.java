package io.spinewise.catalog.domain;

/** Lifecycle of a library entry: patients see published entries only; archived ones stay for history. */
public enum Status {
    DRAFT, PUBLISHED, ARCHIVED
}
