package com.cqc.scheduler;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The tests run Pulumi's mock engine in their own JVM, so it gets the common pool the jar gives itself
 * ({@link App#configureCommonPool}) before any test can touch the pool: the setting for the SDK's polling
 * runner, which some tests use (it also suits the offline engine's). Registered in META-INF/services for
 * the JUnit Platform launcher.
 */
public final class CommonPoolSetup implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        App.configureCommonPool(App.Runner.SDK_POLLING);
    }
}
