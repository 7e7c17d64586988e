package dev.same.cli.render;

import dev.same.protocol.RunEvent;
import dev.same.protocol.RunOutput;
import dev.same.protocol.client.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --json}: one JSON object per line on stdout, for tools. Output chunks have {@code "kind":"OUTPUT"}. */
public final class JsonRenderer implements Renderer {
    private final Terminal terminal;

    public JsonRenderer(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public synchronized void runEvent(RunEvent event) {
        print(event);
    }

    @Override
    public synchronized void runOutput(RunOutput output) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("runId", output.runId());
        line.put("kind", "OUTPUT");
        line.put("task", output.task());
        line.put("offset", output.offset());
        line.put("text", output.text());
        if (output.replay()) {
            line.put("replay", true);
        }
        print(line);
    }

    private void print(Object value) {
        terminal.out().println(Json.text(value, false));
        terminal.out().flush();
    }
}
