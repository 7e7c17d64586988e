package dev.same.server.hash;

import dev.same.server.config.Glob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HashGlobTest {

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource({
            "src/*.js,        src/a.js,          true",
            "src/*.js,        src/sub/a.js,      false",
            "src/*.js,        src/.hidden.js,    true",
            "src/?.js,        src/a.js,          true",
            "src/?.js,        src/ab.js,         false",
            "src/?.js,        src//.js,          false",
            "src/**,          src,               true",
            "src/**,          src/a/b/c.txt,     true",
            "src/**,          srcx/a,            false",
            "src/**/*.js,     src/a.js,          true",
            "src/**/*.js,     src/x/y/a.js,      true",
            "src/**/*.js,     src/x/y/a.ts,      false",
            "src/**/*.js,     srcx/a.js,         false",
            "**/*.js,         a.js,              true",
            "**/*.js,         x/y/a.js,          true",
            "**/test/**,      test,              true",
            "**/test/**,      a/test/b/c,        true",
            "**/test/**,      a/testing/b,       false",
            "a/**/**/b,       a/b,               true",
            "a/**/**/b,       a/x/y/b,           true",
            "a/**/b,          a/xb,              false",
            "**,              anything/at/all,   true",
            "*,               top,               true",
            "*,               a/b,               false",
            "a.b/(c)+[d],     a.b/(c)+d,         true",
            "a.b/(c)+[d],     aXb/(c)+d,         false",
            "a.b/(c)+[d],     a.b/(c)+[d],       false",
            "file[12].txt,    file2.txt,         true",
            "file[12].txt,    file3.txt,         false",
            "file[a-c].txt,   fileb.txt,         true",
            "file[^a-c].txt,  fileb.txt,         false",
            "file[^a-c].txt,  filed.txt,         true",
            "x[^a]y,          x/y,               false",
            "file\\[1].txt,  file[1].txt,       true",
            "file\\*,        file*,             true",
            "file\\*,        filex,             false",
            "a*b**c,          aXbYc,             true",
    })
    void matches(String pattern, String path, boolean expected) {
        assertEquals(expected, Glob.compile(pattern).matches(path));
    }

    @ParameterizedTest(name = "{0} below {1} = {2}")
    @CsvSource({
            "src/*.js,      src,      true",
            "src/*.js,      src/sub,  false",
            "src/**/*.js,   src/sub,  true",
            "**/*.js,       a/b,      true",
            "src/*/x.js,    src/sub,  true",
            "src/*/x.js,    src/a/b,  false",
    })
    void prunesDirectoriesThatCannotMatch(String pattern, String dir, boolean expected) {
        assertEquals(expected, Glob.compile(pattern).mayMatchBelow(dir));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "src/*.js,           src,         false",
            "src/lib/**/*.js,    src/lib,     false",
            "**/x,               '',          false",
            "src/a.js,           src/a.js,    true",
    })
    void literalPrefix(String pattern, String prefix, boolean literal) {
        Glob glob = Glob.compile(pattern);
        assertEquals(prefix, glob.literalPrefix());
        assertEquals(literal, glob.isLiteral());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"src/[a-", "[", "a[]", "a[z-a]", "trailing\\"})
    void anInvalidPatternIsASyntaxError(String pattern) {
        assertTrue(Glob.syntaxError(pattern).isPresent(), pattern);
    }

    @Test
    void aValidPatternHasNoSyntaxError() {
        assertEquals(java.util.Optional.empty(), Glob.syntaxError("src/**/[a-z]*.js"));
    }
}
