package dev.same.server.cache;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.same.server.hash.Digest;
import dev.same.server.hash.InputFile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The hand-written codec against Jackson's data binding as it was configured before (the oracle): the same bytes
 * out, the same records in, on seeded random records, and nothing but an {@link IOException} or a record its own
 * checks refuse for damaged input.
 */
class ActionRecordJsonTest {
    private static final ObjectMapper DATA_BINDING = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new SimpleModule("instant-as-iso-8601")
                    .addSerializer(Instant.class, new JsonSerializer<>() {
                        @Override
                        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider)
                                throws IOException {
                            gen.writeString(value.toString());
                        }
                    })
                    .addDeserializer(Instant.class, new JsonDeserializer<>() {
                        @Override
                        public Instant deserialize(JsonParser parser, DeserializationContext context)
                                throws IOException {
                            return Instant.parse(parser.getValueAsString());
                        }
                    }))
            .build();

    @Test
    void writesWhatDataBindingWroteAndReadsBackTheSameRecord() throws IOException {
        Random random = new Random(20261203);
        for (int i = 0; i < 500; i++) {
            ActionRecord record = randomRecord(random);
            byte[] written = ActionRecordJson.write(record);
            assertArrayEquals(DATA_BINDING.writeValueAsBytes(record), written, record.toString());
            assertEquals(record, ActionRecordJson.read(written));
            assertEquals(DATA_BINDING.readValue(written, ActionRecord.class), ActionRecordJson.read(written));
        }
    }

    @Test
    void instantsAreWrittenAsInstantToStringWritesThemAndReadAsInstantParseReadsThem() throws IOException {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            long seconds = random.nextLong(-62_135_596_800L, 253_402_300_799L); // years 1 to 9999
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            assertEquals(instant.toString(), ActionRecordJson.isoInstant(instant));
            assertEquals(instant, ActionRecordJson.instant(instant.toString()));
        }
        for (Instant instant : List.of(Instant.EPOCH, Instant.MIN, Instant.MAX, Instant.parse("-0001-01-01T00:00:00Z"),
                Instant.parse("+10000-01-01T00:00:00.5Z"), Instant.parse("0000-01-01T00:00:00.000001Z"))) {
            assertEquals(instant.toString(), ActionRecordJson.isoInstant(instant));
        }
        for (String text : List.of("2026-12-03T07:44:49.1Z", "2026-12-03T07:44:49.12345Z", "2016-12-31T23:59:60Z",
                "+10000-01-01T00:00:00Z", "2026-12-03T07:44:49+01:00",
                "2026-12-03T07:44:49.Z")) {
            assertEquals(Instant.parse(text), ActionRecordJson.instant(text), text);
        }
        for (String text : List.of("", "2026-13-03T07:44:49Z", "2026-12-03 07:44:49Z",
                "2026-12-03T07:44:4xZ", "yesterday")) {
            assertThrows(IOException.class, () -> ActionRecordJson.instant(text), text);
        }
    }

    @Test
    void unknownFieldsAreSkippedAndAbsentOnesLeaveARecordItsChecksRefuse() throws IOException {
        ActionRecord record = randomRecord(new Random(1));
        String json = new String(ActionRecordJson.write(record), StandardCharsets.UTF_8);
        String newer = json.replace("{\"format\":1,", "{\"format\":1,\"later\":{\"a\":[1,{\"b\":null}]},");
        assertEquals(record, ActionRecordJson.read(newer.getBytes(StandardCharsets.UTF_8)));

        ActionRecord partial = ActionRecordJson.read(
                "{\"format\":1,\"taskId\":\"a:b\",\"hash\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        assertFalse(partial.wellFormed());
        assertNull(ActionRecordJson.read("null".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void damagedRecordsAreRefusedWithAnIOExceptionOrFailTheirChecks() throws IOException {
        byte[] whole = ActionRecordJson.write(randomRecord(new Random(2)));
        for (int length = 0; length < whole.length; length++) {
            expectRefused(Arrays.copyOf(whole, length));
        }
        String json = new String(whole, StandardCharsets.UTF_8);
        for (String damaged : List.of(json.replace("\"format\":1", "\"format\":\"1\""),
                json.replace("\"format\":1", "\"format\":4294967297"),
                json.replace("\"kind\":\"", "\"kind\":\"X"),
                json.replace("\"executable\":false", "\"executable\":0"),
                json.replace("\"durationMillis\":", "\"durationMillis\":1.5,\"x\":"),
                json.replace("\"inputs\":[", "\"inputs\":[7,"),
                json + "{}", "[]", "7", "{\"outputs\":{}}")) {
            expectRefused(damaged.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void expectRefused(byte[] bytes) {
        try {
            ActionRecord record = ActionRecordJson.read(bytes);
            assertFalse(record != null && record.wellFormed(), () -> new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException expected) {
            // refused
        }
    }

    static ActionRecord randomRecord(Random random) {
        List<OutputEntry> outputs = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
            String path = "packages/p" + random.nextInt(100) + "/dist/" + text(random);
            outputs.add(switch (random.nextInt(3)) {
                case 0 -> OutputEntry.file(path, Digest.of(path), random.nextBoolean());
                case 1 -> OutputEntry.directory(path);
                default -> OutputEntry.symlink(path, "../" + text(random));
            });
        }
        List<InputFile> inputs = new ArrayList<>();
        for (int i = random.nextInt(12); i > 0; i--) {
            inputs.add(new InputFile("src/" + text(random), Digest.of(text(random))));
        }
        var dependencies = new TreeMap<String, String>();
        for (int i = random.nextInt(3); i > 0; i--) {
            dependencies.put("lib-" + random.nextInt(50) + ":build", Digest.of(text(random)));
        }
        var environment = new TreeMap<String, String>();
        for (int i = random.nextInt(4); i > 0; i--) {
            environment.put(random.nextBoolean() ? "@tools" : "VAR_" + random.nextInt(9), text(random));
        }
        Instant finished = Instant.ofEpochSecond(1_700_000_000L + random.nextInt(100_000_000),
                random.nextBoolean() ? 0 : random.nextInt(1_000_000_000));
        return new ActionRecord(ActionRecord.FORMAT, "pkg-" + random.nextInt(1000) + ":build", Digest.of(text(random)),
                outputs, random.nextBoolean() ? null : Digest.of("log" + random.nextInt()), random.nextLong(1_000_000),
                finished, inputs, dependencies, environment);
    }

    /** Text with what JSON must escape: quotes, backslashes, control characters and non-ASCII letters. */
    private static String text(Random random) {
        String alphabet = "abcXYZ019-_./ \"\\\n\tédŝ€😀\u0001";
        var text = new StringBuilder();
        for (int i = 1 + random.nextInt(12); i > 0; i--) {
            text.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                    random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
        }
        return text.toString();
    }
}
