package io.spinewise.e2e;

import io.spinewise.testsupport.access.RoleTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.spinewise.e2e.RunningPlatform.WEB;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role table of docs/architecture.md in Chromium, with the real realm's roles: each demo
 * user's navigation is exactly the pages of their role's rows, each of those pages opens against
 * the real services, and every other page of the table is web-ui's 403 page.
 */
@ExtendWith(PagesOnFailure.class)
class RolePagesIT {

    private static final Map<String, String> DEMO_USERS = Map.of(
            "dr.ada", "chiropractor", "admin.nora", "clinic-admin", "patient.paul", "patient");

    private static final RoleTable TABLE = RoleTable.read();

    @Test
    void eachDemoUserHasTheNavigationAndPagesOfTheirRole() {
        DEMO_USERS.forEach((user, role) -> {
            Browser browser = SignedIn.as(user);
            browser.open(WEB + "/");
            Set<String> navigation = browser.findAll("nav .nav-links a[href]").stream()
                    .map(a -> URI.create(a.getAttribute("href")).getPath())
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            assertThat(navigation).as(user + "'s navigation").isEqualTo(TABLE.pagesOf(role));

            for (String page : TABLE.pagesOf(role)) {
                browser.open(WEB + page);
                assertThat(browser.text("main h1")).as(user + " opens " + page).isNotIn("Not allowed", "Not found",
                        "Something went wrong", "Temporarily unavailable");
            }
            Set<String> others = new LinkedHashSet<>(TABLE.allPages());
            others.removeAll(TABLE.pagesOf(role));
            for (String page : others) {
                browser.open(WEB + page);
                assertThat(browser.text("main")).as(user + " opens " + page).contains("Not allowed").contains("Error 403");
            }
        });
    }
}
