package dev.same.cli.command;

import dev.same.cli.Cli;
import dev.same.cli.SameCommand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.same.cli.render.Terminal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The .run.xml files against IntelliJ's format for a shared Shell Script configuration: the component and
 * configuration elements RunManager writes for project files, and the option names and values of
 * intellij-community's ShRunConfiguration.writeExternal (JDOMExternalizerUtil.writeField: option name/value;
 * paths with their INDEPENDENT_ flag; EnvironmentVariablesData: envs).
 */
class IntellijRunConfigsCommandTest {
    /** ShRunConfiguration's fields, in the order writeExternal writes them. */
    private static final List<String> SH_OPTIONS = List.of("SCRIPT_TEXT", "INDEPENDENT_SCRIPT_PATH", "SCRIPT_PATH",
            "SCRIPT_OPTIONS", "INDEPENDENT_SCRIPT_WORKING_DIRECTORY", "SCRIPT_WORKING_DIRECTORY",
            "INDEPENDENT_INTERPRETER_PATH", "INTERPRETER_PATH", "INTERPRETER_OPTIONS", "EXECUTE_IN_TERMINAL",
            "EXECUTE_SCRIPT_FILE");

    @TempDir
    Path root;

    private record Outcome(int exitCode, String out, String err) {
    }

    private Outcome same(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Cli cli = new Cli(Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"), "SAME_DAEMON", "0"),
                root, new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, false, 100));
        int exit = SameCommand.commandLine(cli, args).execute(args);
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private void workspace() throws Exception {
        Files.writeString(root.resolve("same.work.yaml"), "version: \"1\"\nprojects: [\"app\"]\n");
        Files.createDirectories(root.resolve("app"));
        Files.writeString(root.resolve("app/same.yaml"), """
                version: "1"
                project: app
                tasks:
                  build:
                    cmd: ["true"]
                  test:
                    cmd: ["true"]
                """);
    }

    @Test
    void writesOneSharedShellScriptConfigurationPerTask() throws Exception {
        workspace();
        Outcome outcome = same("intellij-run-configs", "--no-daemon", "app:build", "test");
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertEquals("wrote .run/same_app_build.run.xml\nwrote .run/same_test.run.xml\n", outcome.out());

        Element configuration = configuration(root.resolve(".run/same_app_build.run.xml"));
        assertEquals("same app:build", configuration.getAttribute("name"));
        assertEquals("ShConfigurationType", configuration.getAttribute("type"));
        assertEquals("false", configuration.getAttribute("default"));
        Map<String, String> options = options(configuration);
        assertEquals(SH_OPTIONS, List.copyOf(options.keySet()));
        assertEquals("same run app:build", options.get("SCRIPT_TEXT"));
        assertEquals("false", options.get("EXECUTE_SCRIPT_FILE"), "the script text is run, not a script file");
        assertEquals("$PROJECT_DIR$", options.get("SCRIPT_WORKING_DIRECTORY"));
        assertEquals("true", options.get("INDEPENDENT_SCRIPT_WORKING_DIRECTORY"));
        assertEquals("false", options.get("EXECUTE_IN_TERMINAL"));
        assertEquals(List.of("option", "envs", "method"), childNames(configuration));
        assertEquals("same run test", options(configuration(root.resolve(".run/same_test.run.xml"))).get("SCRIPT_TEXT"));
    }

    @Test
    void specialCharactersAreEscapedAndTheCommandCanBeChanged() throws Exception {
        workspace();
        assertEquals(0, same("intellij-run-configs", "--no-daemon", "--command", "./same -C \"x&y\"", "all").exitCode());
        Map<String, String> options = options(configuration(root.resolve(".run/same_all.run.xml")));
        assertEquals("./same -C \"x&y\" run all", options.get("SCRIPT_TEXT"));
    }

    @Test
    void anUnknownTaskIsAnErrorAndWritesNothing() throws Exception {
        workspace();
        Outcome outcome = same("intellij-run-configs", "--no-daemon", "app:build", "app:buld");
        assertEquals(1, outcome.exitCode());
        assertTrue(outcome.err().startsWith("✗ Error: task not found: app:buld\n"), "as 'same run' says: " + outcome.err());
        assertTrue(outcome.err().contains("did you mean app:build?"), outcome.err());
        assertFalse(Files.exists(root.resolve(".run")));
    }

    @Test
    void fileNamesKeepOnlySafeCharacters() {
        assertEquals("same_web_build_prod.run.xml", IntellijRunConfigsCommand.fileName("web:build/prod"));
    }

    private static Element configuration(Path file) throws Exception {
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        Element component = document.getDocumentElement();
        assertEquals("component", component.getTagName());
        assertEquals("ProjectRunConfigurationManager", component.getAttribute("name"));
        NodeList configurations = component.getElementsByTagName("configuration");
        assertEquals(1, configurations.getLength());
        return (Element) configurations.item(0);
    }

    private static Map<String, String> options(Element configuration) {
        Map<String, String> options = new LinkedHashMap<>();
        NodeList children = configuration.getElementsByTagName("option");
        for (int i = 0; i < children.getLength(); i++) {
            Element option = (Element) children.item(i);
            options.put(option.getAttribute("name"), option.getAttribute("value"));
        }
        return options;
    }

    private static List<String> childNames(Element element) {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                names.add(e.getTagName());
            }
        }
        return List.copyOf(names);
    }
}
