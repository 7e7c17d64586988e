package dev.same.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.spi.SelectorProvider;
import org.junit.jupiter.api.Test;

class ClassPathScansTest {
    private static final String PROPERTY = "java.nio.channels.spi.SelectorProvider";

    @Test
    void theNamedSelectorProviderIsTheOneTheJdkPicksByItself() throws Exception {
        String os = System.getProperty("os.name");
        String named = ClassPathScans.defaultSelectorProvider(os);
        // this test JVM never set the property, so provider() is the JDK's own choice
        assertNull(System.getProperty(PROPERTY));
        assertEquals(SelectorProvider.provider().getClass().getName(), named, "on " + os);
        assertTrue(SelectorProvider.class.isAssignableFrom(Class.forName(named)));
    }

    @Test
    void anUnknownPlatformIsLeftToTheJdk() {
        assertNull(ClassPathScans.defaultSelectorProvider("Windows 11"));
        assertNull(ClassPathScans.defaultSelectorProvider("AIX"));
        assertEquals("sun.nio.ch.KQueueSelectorProvider", ClassPathScans.defaultSelectorProvider("Mac OS X"));
    }

    @Test
    void aRunningJvmIsNotShuttingDown() {
        assertEquals(false, ClassPathScans.shuttingDown());
    }

    @Test
    void aProviderChosenByTheUserIsKept() {
        System.setProperty(PROPERTY, "com.example.TheirProvider");
        try {
            ClassPathScans.useDefaultSelectorProvider();
            assertEquals("com.example.TheirProvider", System.getProperty(PROPERTY));
        } finally {
            System.clearProperty(PROPERTY);
        }
    }
}
