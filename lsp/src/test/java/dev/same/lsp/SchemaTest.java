package dev.same.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.same.server.SameException;
import dev.same.server.config.ConfigLoader;
import dev.same.server.config.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * same.schema.json agrees with the loader: every example and every config the tests write that the loader
 * accepts is valid, and the mistakes a schema can express are invalid for both.
 */
class SchemaTest {
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"\\n(.*?)\"\"\"", Pattern.DOTALL);

    @TempDir
    Path temp;

    private static SchemaCheck schema() throws IOException {
        return new SchemaCheck(new ObjectMapper().readTree(REPOSITORY.resolve("same.schema.json").toFile()));
    }

    private static JsonNode yaml(String text) throws IOException {
        JsonNode node = YAML.readTree(text);
        return node == null || node.isMissingNode() ? NullNode.instance : node;
    }

    @Test
    void theExamplesAreValid() throws Exception {
        SchemaCheck schema = schema();
        Workspace demo = ConfigLoader.load(REPOSITORY.resolve("examples/demo"));
        assertFalse(demo.configFiles().isEmpty());
        for (Path file : demo.configFiles()) {
            assertEquals(List.of(), schema.problems(yaml(Files.readString(file))), file.toString());
        }
    }

    @Test
    void everyConfigTheTestsWriteThatTheLoaderAcceptsIsValid() throws Exception {
        SchemaCheck schema = schema();
        int accepted = 0;
        for (String config : configsInTests()) {
            Path dir = Files.createTempDirectory(temp, "fixture");
            boolean workfile = Pattern.compile("(?m)^projects:").matcher(config).find();
            Files.writeString(dir.resolve(workfile ? "same.work.yaml" : "same.yaml"), config);
            try {
                ConfigLoader.load(dir);
            } catch (RuntimeException rejected) { // SameException, or a directory the snippet needs
                continue;
            }
            accepted++;
            assertEquals(List.of(), schema.problems(yaml(config)), config);
        }
        assertTrue(accepted >= 30, "only " + accepted + " configs found in the tests: is the extraction broken?");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "tasks:\n  build:\n    cmd: [make]\n    inputs: [src]\n",
            "tasks:\n  build:\n    input: [src]\n",
            "tasks:\n  build:\n    cmd: []\n",
            "tasks:\n  all:\n    cmd: [make]\n",
            "tasks:\n  a:b:\n    cmd: [make]\n",
            "tasks:\n  build:\n    cmd: [make]\n    rebuild: sometimes\n",
            "tasks:\n  build:\n    cmd: [make]\n    dependsOn: lint\n",
            "tasks:\n  build:\n    cmd: [make]\n    environment: [A=1]\n",
            "tasks:\n  build: [make]\n",
            "tasks: [build]\n",
            "tools:\n  node: nodejs\ntasks:\n  build:\n    cmd: [make]\n",
            "tools:\n  node: \"@22\"\ntasks:\n  build:\n    cmd: [make]\n",
            "version: \"2\"\n",
            "env:\n  comand: [mise, env, --json]\n",
            "env:\n  command: [mise, env, --json]\n  files: [\"*.toml\"]\n",
            "- a list\n",
    })
    void mistakesTheSchemaCanExpressAreInvalidForBoth(String config) throws Exception {
        Files.writeString(temp.resolve("same.yaml"), config);
        assertThrows(SameException.class, () -> ConfigLoader.load(temp), "the loader rejects it");
        assertFalse(schema().problems(yaml(config)).isEmpty(), "the schema rejects " + config);
    }

    @Test
    void aWorkfileMistake() throws Exception {
        String config = "projects: packages/*\n";
        Files.writeString(temp.resolve("same.work.yaml"), config);
        assertThrows(SameException.class, () -> ConfigLoader.load(temp));
        assertFalse(schema().problems(yaml(config)).isEmpty());
    }

    /** The YAML text blocks of the server's and CLI's tests, with format placeholders filled in. */
    private static List<String> configsInTests() throws IOException {
        List<String> configs = new ArrayList<>();
        for (String module : List.of("server", "cli", "lsp")) {
            try (Stream<Path> files = Files.walk(REPOSITORY.resolve(module).resolve("src/test/java"))) {
                for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                    Matcher block = TEXT_BLOCK.matcher(Files.readString(file));
                    while (block.find()) {
                        String text = stripIndent(block.group(1)).replace("%s", "x").replace("%d", "1");
                        if (text.contains("tasks:") || text.contains("projects:")) {
                            configs.add(text.replace("\\\"", "\"").replace("\\\\", "\\"));
                        }
                    }
                }
            }
        }
        return configs;
    }

    /** What javac makes of a text block's lines: the common indentation, counting the closing line, removed. */
    private static String stripIndent(String body) {
        String[] lines = body.split("\n", -1);
        int indent = Integer.MAX_VALUE;
        for (String line : lines) {
            if (!line.isBlank() || line == lines[lines.length - 1]) {
                indent = Math.min(indent, line.length() - line.stripLeading().length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.length - 1; i++) {
            text.append(lines[i].length() >= indent ? lines[i].substring(indent) : lines[i].strip()).append('\n');
        }
        return text.toString();
    }
}
