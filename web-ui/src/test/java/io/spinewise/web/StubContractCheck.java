package io.spinewise.web;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.reflect.InvocationTargetException;

/**
 * After every test: fails it if web-ui sent a stub a request, or the stub gave an answer, that a
 * service's contract does not allow ({@link StubServices#assertContractKept()}). Registered for
 * every test class in META-INF/services (JUnit's extension auto-detection, which quarkus-junit
 * switches on), so a new page test is checked without opting in.
 */
public class StubContractCheck implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        // the stub's state lives in the class as the test's own class loader (Quarkus's) sees it
        ClassLoader loader = context.getRequiredTestClass().getClassLoader();
        try {
            loader.loadClass(StubServices.class.getName()).getMethod("assertContractKept").invoke(null);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof AssertionError failure) {
                throw failure;
            }
            throw e;
        }
    }
}
