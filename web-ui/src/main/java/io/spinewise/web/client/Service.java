package io.spinewise.web.client;

/** The services behind the pages, named as a user would understand them. */
public enum Service {
    CATALOG("catalog-service", "the exercise library"),
    PLAN("plan-service", "plans and progress");

    private final String id;
    private final String description;

    Service(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }
}
