package dev.same.server.env.command;

import dev.same.server.env.command.EnvOutput;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What environment commands print: JSON objects and KEY=VALUE lines. */
class EnvOutputTest {
    @Test
    void aJsonObject() {
        assertEquals(new TreeMap<>(Map.of("GOROOT", "/opt/go", "N", "3", "ON", "true")),
                EnvOutput.parse("{\"GOROOT\": \"/opt/go\", \"N\": 3, \"ON\": true, \"UNSET\": null}\n"));
    }

    @Test
    void keyValueLinesWithExportQuotesAndComments() {
        String output = """
                # generated
                X=1
                export PATH=/opt/node/bin:/usr/bin
                export GREETING='hello world'
                QUOTED="a \\"b\\" \\$c"
                JOINED='it'\\''s'   # a comment
                EMPTY=
                PLAIN=hello world, as printenv prints it

                """;

        assertEquals(new TreeMap<>(Map.of("X", "1", "PATH", "/opt/node/bin:/usr/bin", "GREETING", "hello world",
                "QUOTED", "a \"b\" $c", "JOINED", "it's", "EMPTY", "", "PLAIN", "hello world, as printenv prints it")),
                EnvOutput.parse(output));
    }

    @Test
    void nothingIsAnEmptyEnvironment() {
        assertEquals(Map.of(), EnvOutput.parse("  \n"));
    }

    @Test
    void garbageSaysWhichLine() {
        var e = assertThrows(IllegalArgumentException.class, () -> EnvOutput.parse("X=1\nLoading plugins...\n"));

        assertEquals("line 2 is not KEY=VALUE: Loading plugins...", e.getMessage());
    }

    @Test
    void textAfterAQuotedValueAndOpenQuotesAreGarbage() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EnvOutput.parse("X='hello' world"))
                .getMessage().contains("unexpected text after the quoted value"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EnvOutput.parse("X='open"))
                .getMessage().contains("unterminated single quote"));
    }

    @Test
    void jsonThatIsNoFlatObjectIsGarbage() {
        assertThrows(IllegalArgumentException.class, () -> EnvOutput.parse("{\"A\": {\"b\": 1}}"));
        assertThrows(IllegalArgumentException.class, () -> EnvOutput.parse("{\"A\": "));
    }
}
