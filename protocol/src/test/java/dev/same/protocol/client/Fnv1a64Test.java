package dev.same.protocol.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Fnv1a64Test {
    private static String fnv(String text) {
        return new Fnv1a64().update(text.getBytes(StandardCharsets.UTF_8)).hex();
    }

    @Test
    void matchesThePublishedTestVectors() {
        assertEquals("cbf29ce484222325", fnv(""));
        assertEquals("af63dc4c8601ec8c", fnv("a"));
        assertEquals("85944171f73967e8", fnv("foobar"));
    }

    @Test
    void updatesAreTheHashOfTheConcatenation() {
        Fnv1a64 pieces = new Fnv1a64().update("foo".getBytes(StandardCharsets.UTF_8))
                .update("bar".getBytes(StandardCharsets.UTF_8));
        assertEquals(fnv("foobar"), pieces.hex());
    }

    @Test
    void namesTheSocketAsTheEditorExtensionDoes() {
        // the same values are asserted in vscode-extension/test/logic/discovery.test.ts
        assertEquals("50a0ebe2c74cdec6", DaemonAddress.hash("/tmp/demo1"));
        assertEquals("57f24b76e7d11fa5", DaemonAddress.hash("/tmp/r\u00e9sum\u00e9"));
    }
}
