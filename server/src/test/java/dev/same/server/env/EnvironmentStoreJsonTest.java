package dev.same.server.env;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.same.server.hash.Digest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The stored environments' JSON against Jackson's data binding, which wrote it before (the oracle). */
class EnvironmentStoreJsonTest {
    private static final ObjectMapper DATA_BINDING = new ObjectMapper();

    @Test
    void writesWhatDataBindingWroteAndReadsItBack() throws IOException {
        Random random = new Random(11);
        for (int i = 0; i < 200; i++) {
            var variables = new TreeMap<String, String>();
            for (int j = random.nextInt(6); j > 0; j--) {
                variables.put("VAR_" + random.nextInt(100), "v\"al\\ue\n" + random.nextInt() + "é");
            }
            var entry = new EnvironmentStore.Entry(EnvironmentStore.FORMAT, Digest.of("id" + i),
                    random.nextBoolean() ? "nix" : null, variables);
            byte[] written = EnvironmentStore.write(entry);
            assertArrayEquals(DATA_BINDING.writerWithDefaultPrettyPrinter().writeValueAsBytes(entry), written);
            assertEquals(entry, EnvironmentStore.read(written));
            assertEquals(DATA_BINDING.readValue(written, EnvironmentStore.Entry.class), EnvironmentStore.read(written));
        }
    }

    @Test
    void aDamagedOrForeignEntryCountsAsAbsent(@TempDir Path dir) throws IOException {
        var store = new EnvironmentStore(dir);
        String identity = Digest.of("tools");
        var variables = new TreeMap<String, String>();
        variables.put("PATH", "/nix/store/x/bin");
        store.save(identity, "nix", variables);
        assertEquals(Optional.of(variables), store.load(identity));

        Path file = dir.resolve(identity + ".json");
        String whole = Files.readString(file);
        for (String damaged : new String[] {whole.substring(0, whole.length() / 2),
                whole.replace("\"format\" : 1", "\"format\" : 2"), whole.replace(identity, Digest.of("other")),
                whole.replace("\"/nix/store/x/bin\"", "7"), "[]"}) {
            Files.writeString(file, damaged);
            assertEquals(Optional.empty(), store.load(identity), damaged);
        }
    }
}
