package dev.same.server.cache.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetrcTest {
    @Test
    void theHostsOwnEntryWinsOverTheDefault() {
        Netrc netrc = Netrc.parse("""
                # a comment
                machine other.example login o password p
                machine cache.example.com
                  login ci
                  password "se cret"
                default login anon password anon
                """);
        assertEquals(Optional.of(new Netrc.Entry("cache.example.com", "ci", "se cret")), netrc.login("cache.example.com"));
        assertEquals("anon", netrc.login("elsewhere").orElseThrow().login());
    }

    @Test
    void macrosAreSkipped() {
        Netrc netrc = Netrc.parse("""
                macdef init
                machine evil login x password y

                machine cache login ci password pw
                """);
        assertFalse(netrc.login("evil").isPresent());
        assertEquals("pw", netrc.login("cache").orElseThrow().password());
    }

    @Test
    void theTokenWinsOverNetrcAndNeitherIsEverPrinted(@TempDir Path home) throws Exception {
        Files.writeString(home.resolve(".netrc"), "machine cache login ci password pw\n");
        Credentials basic = Credentials.of("cache", null, Map.of("HOME", home.toString()));
        assertInstanceOf(Credentials.Basic.class, basic);
        assertEquals("Basic Y2k6cHc=", basic.authorization().orElseThrow());
        Credentials bearer = Credentials.of("cache", "t0ken", Map.of("HOME", home.toString()));
        assertEquals("Bearer t0ken", bearer.authorization().orElseThrow());
        assertFalse(basic.toString().contains("pw") || bearer.toString().contains("t0ken"));
        assertInstanceOf(Credentials.None.class, Credentials.of("other", null, Map.of("HOME", home.toString())));
    }
}
