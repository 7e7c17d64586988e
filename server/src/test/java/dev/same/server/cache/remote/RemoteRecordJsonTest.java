package dev.same.server.cache.remote;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.same.server.hash.Digest;
import dev.same.server.hash.InputFile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The hand-written codec against Jackson's data binding configured as the record's annotations were (nulls left
 * out): the same bytes out and the same records in, on seeded random records; damaged input is refused.
 */
class RemoteRecordJsonTest {
    private static final ObjectMapper DATA_BINDING = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    @Test
    void writesWhatDataBindingWroteAndReadsBackTheSameRecord() throws IOException {
        Random random = new Random(20261203);
        for (int i = 0; i < 500; i++) {
            RemoteRecord record = randomRecord(random);
            byte[] written = record.toJson();
            assertArrayEquals(DATA_BINDING.writeValueAsBytes(record), written, record.toString());
            assertEquals(record, RemoteRecord.parse(written));
            assertEquals(DATA_BINDING.readValue(written, RemoteRecord.class), RemoteRecord.parse(written));
        }
    }

    @Test
    void damagedRecordsAreRefused() throws IOException {
        RemoteRecord record = randomRecord(new Random(3));
        byte[] whole = record.toJson();
        for (int length = 0; length < whole.length; length++) {
            byte[] cut = Arrays.copyOf(whole, length);
            assertThrows(RefusedContent.class, () -> RemoteRecord.parse(cut), () -> new String(cut,
                    StandardCharsets.UTF_8));
        }
        String json = new String(whole, StandardCharsets.UTF_8);
        for (String damaged : List.of(json.replace("\"durationMillis\":", "\"durationMillis\":\"1\",\"x\":"),
                "{\"outputs\":[{\"size\":\"7\"}]}", "{\"log\":{\"size\":true}}", "{\"inline\":[]}", "[]", "\"x\"",
                json + "[")) {
            assertThrows(RefusedContent.class, () -> RemoteRecord.parse(damaged.getBytes(StandardCharsets.UTF_8)),
                    damaged);
        }
        String newer = json.replaceFirst("\\{", "{\"signature\":{\"by\":[\"ci\"]},");
        assertEquals(record, RemoteRecord.parse(newer.getBytes(StandardCharsets.UTF_8)));
    }

    private static RemoteRecord randomRecord(Random random) {
        List<RemoteRecord.Output> outputs = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
            String path = "lib/out/" + random.nextInt(1000) + "\"é\\";
            outputs.add(switch (random.nextInt(3)) {
                case 0 -> new RemoteRecord.Output(path, "file", random.nextBoolean() ? "0755" : "0644",
                        Digest.of(path), random.nextLong(1L << 40), null);
                case 1 -> new RemoteRecord.Output(path, "directory", null, null, null, null);
                default -> new RemoteRecord.Output(path, "symlink", null, null, null, "../x\n");
            });
        }
        List<InputFile> inputs = new ArrayList<>();
        for (int i = random.nextInt(6); i > 0; i--) {
            inputs.add(new InputFile("src/" + random.nextInt(), Digest.of("i" + i)));
        }
        var dependencies = new TreeMap<String, String>();
        for (int i = random.nextInt(3); i > 0; i--) {
            dependencies.put("lib-" + random.nextInt(50) + ":build", Digest.of("d" + i));
        }
        var environment = new TreeMap<String, String>();
        environment.put("@tools", Digest.of("tools"));
        var inline = new TreeMap<String, String>();
        for (int i = random.nextInt(3); i > 0; i--) {
            inline.put(Digest.of("blob" + i), "aGVsbG8=");
        }
        return new RemoteRecord(RemoteRecord.FORMAT, "lib:build", Digest.of("h" + random.nextInt()),
                random.nextInt(10) == 0 ? null : outputs,
                random.nextBoolean() ? null : new RemoteRecord.Blob(Digest.of("log"), random.nextInt(1 << 20)),
                random.nextLong(1 << 30), inputs, dependencies, environment, inline.isEmpty() ? null : inline);
    }
}
