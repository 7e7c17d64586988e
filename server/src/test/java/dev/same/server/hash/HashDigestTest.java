package dev.same.server.hash;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HashDigestTest {
    // values from `sha256sum`
    private static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final String HELLO_NEWLINE = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";
    private static final String PATTERN_300K = "3c65ea93424a9c362fec0e3a69ea36031e8a358441479dd665cc6110eabe7b08";

    @TempDir
    Path dir;

    @Test
    void bytesAndStrings() {
        assertEquals(EMPTY, Digest.of(new byte[0]));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Digest.of("abc"));
        assertEquals(HELLO_NEWLINE, Digest.of("hello\n"));
    }

    @Test
    void filesMatchSha256sum() throws Exception {
        Path empty = Files.write(dir.resolve("empty"), new byte[0]);
        Path hello = Files.writeString(dir.resolve("hello"), "hello\n");
        Path large = Files.write(dir.resolve("large"), pattern(300_000)); // several buffers
        assertEquals(EMPTY, Digest.ofFile(empty));
        assertEquals(HELLO_NEWLINE, Digest.ofFile(hello));
        assertEquals(PATTERN_300K, Digest.ofFile(large));
        assertEquals(PATTERN_300K, Digest.ofStream(new ByteArrayInputStream(pattern(300_000))));
    }

    @Test
    void followsSymlinks() throws Exception {
        Path hello = Files.writeString(dir.resolve("hello"), "hello\n");
        Path link = Files.createSymbolicLink(dir.resolve("link"), hello.getFileName());
        assertEquals(HELLO_NEWLINE, Digest.ofFile(link));
    }

    @Test
    void hexRoundTripAndValidation() {
        assertEquals(HELLO_NEWLINE, Digest.hex(Digest.unhex(HELLO_NEWLINE)));
        assertTrue(Digest.isValid(HELLO_NEWLINE));
        assertFalse(Digest.isValid(HELLO_NEWLINE.toUpperCase()));
        assertFalse(Digest.isValid("../" + HELLO_NEWLINE.substring(3)));
        assertFalse(Digest.isValid(null));
        for (String wrong : new String[] {"", HELLO_NEWLINE.substring(1), HELLO_NEWLINE + "0",
                HELLO_NEWLINE.substring(1) + "g", HELLO_NEWLINE.substring(1) + "/", "`" + HELLO_NEWLINE.substring(1),
                HELLO_NEWLINE.substring(1) + ":", HELLO_NEWLINE.substring(1) + "\u0660"}) {
            assertFalse(Digest.isValid(wrong), wrong);
        }
        assertTrue(Digest.isValid("0123456789abcdef".repeat(4)));
        assertEquals(Digest.of("ü".getBytes(StandardCharsets.UTF_8)), Digest.of("ü"));
    }

    @Test
    void everySha256IsANewDigestOfItsOwnEvenAcrossThreads() throws Exception {
        var first = Digest.sha256();
        var second = Digest.sha256();
        first.update("hello".getBytes(StandardCharsets.UTF_8));
        second.update("other".getBytes(StandardCharsets.UTF_8));
        first.update(" world".getBytes(StandardCharsets.UTF_8));
        assertEquals(Digest.of("hello world"), Digest.hex(first.digest()));
        assertEquals(Digest.of("other"), Digest.hex(second.digest()));
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            var results = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
            for (int i = 0; i < 200; i++) {
                String text = "text " + i;
                results.add(pool.submit(() -> Digest.hex(Digest.sha256().digest(text.getBytes(StandardCharsets.UTF_8)))
                        .equals(Digest.hex(java.security.MessageDigest.getInstance("SHA-256")
                                .digest(text.getBytes(StandardCharsets.UTF_8))))));
            }
            for (var result : results) {
                assertTrue(result.get());
            }
        }
    }

    static byte[] pattern(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i % 251);
        }
        return bytes;
    }
}
