package io.spinewise.e2e;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * When a page test fails, the pages its shared browsers show are saved next to the screenshots
 * ({@code target/screenshots/failed-*}): the failure message alone rarely says what the page said.
 */
class PagesOnFailure implements TestWatcher {

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        SignedIn.saveForDiagnosis(context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName());
    }
}
