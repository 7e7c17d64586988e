package dev.same.protocol.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.same.protocol.TaskState;
import dev.same.protocol.TaskStatusInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    private static Object parse(String json) throws IOException {
        return Json.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String write(Object value) throws IOException {
        return new String(Json.write(value), StandardCharsets.UTF_8);
    }

    @Test
    void parsesObjectsInOrderWithEveryKindOfValue() throws IOException {
        Object tree = parse("{\"b\":1,\"a\":[true,false,null,\"x\"],\"c\":{\"d\":-2.5}}");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("b", 1L);
        expected.put("a", Arrays.asList(true, false, null, "x"));
        expected.put("c", Map.of("d", -2.5));
        assertEquals(expected, tree);
        assertEquals(List.of("b", "a", "c"), List.copyOf(((Map<?, ?>) tree).keySet()));
    }

    @Test
    void integersAreLongsAndEverythingElseDoubles() throws IOException {
        assertEquals(List.of(9007199254740993L, 1.0e3, 0.5, 1.0E19, -0L), parse("[9007199254740993,1e3,0.5,10000000000000000000,-0]"));
    }

    @Test
    void keepsTextExactlyIncludingEscapesAndNonAscii() throws IOException {
        String text = "r\u00e9sum\u00e9 \"quoted\" \\ tab\t line\n \u2713 \uD83D\uDE00";
        assertEquals(text, parse(write(text)));
        assertEquals("\u00e9", parse("\"\\u00e9\""));
    }

    @Test
    void refusesWhatIsNotOneJsonDocument() {
        for (String bad : List.of("", "   ", "{\"a\":1} {\"b\":2}", "{\"a\":", "{a:1}", "[1,]", "'x'", "NaN", "{\"a\":tru}",
                "\u0000garbage")) {
            assertThrows(IOException.class, () -> parse(bad), bad);
        }
    }

    @Test
    void writesRecordsWithoutTheirNullComponentsAndEnumsByName() throws IOException {
        TaskStatusInfo info = new TaskStatusInfo("app:build", TaskState.DIRTY, null, List.of("input changed"));
        assertEquals("{\"id\":\"app:build\",\"state\":\"DIRTY\",\"reasons\":[\"input changed\"]}", write(info));
        assertEquals("[null,1,2.5,true]", write(Arrays.asList(null, 1, 2.5, true)));
    }

    @Test
    void readsBackWhatItWrites() throws IOException {
        TaskStatusInfo info = new TaskStatusInfo("app:build", TaskState.CLEAN, "abc", List.of());
        assertEquals(info, Json.bind(parse(write(info)), TaskStatusInfo.class));
        TaskStatusInfo sparse = Json.bind(parse("{\"id\":\"x\",\"state\":\"FAILED\",\"later\":1}"), TaskStatusInfo.class);
        assertEquals(TaskState.FAILED, sparse.state());
        assertNull(sparse.hash());
    }
}
