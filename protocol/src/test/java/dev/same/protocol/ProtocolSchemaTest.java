package dev.same.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The checked-in protocol.schema.json is what the Java definitions generate now. */
class ProtocolSchemaTest {
    @Test
    void checkedInSchemaIsCurrent() throws IOException {
        String current = ProtocolSchema.generate();
        if (Boolean.getBoolean("same.writeSchema")) {
            Files.writeString(ProtocolSchema.FILE, current);
        }
        String checkedIn = Files.exists(ProtocolSchema.FILE) ? Files.readString(ProtocolSchema.FILE) : "";
        assertEquals(current, checkedIn, "protocol/protocol.schema.json is stale; regenerate it with "
                + ProtocolSchema.REGENERATE);
    }
}
