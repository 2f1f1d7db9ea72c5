package ar.aulas.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/** After each test, the application's clock runs again with the system's time, whatever the test did to it. */
public class ResumeTestClock implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        SpringExtension.getApplicationContext(context).getBeanProvider(TestClock.class).ifAvailable(TestClock::resume);
    }
}
