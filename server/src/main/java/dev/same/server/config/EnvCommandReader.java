package dev.same.server.config;

import dev.same.server.SameException;

import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** Reads an {@code env: {command: [...], files: [...]}} entry of any config level into an {@link EnvCommand}. */
final class EnvCommandReader {
    static final List<String> KEYS = List.of("command", "files");

    private EnvCommandReader() {
    }

    /**
     * @param node    the value of the {@code env} key
     * @param line    the line of the {@code env} key
     * @param baseDir the directory of {@code file}, relative to the root ("" for the root)
     * @param owner   how the entry is named in messages, e.g. "'env' in task 'web:build'"
     */
    static EnvCommand read(ConfigFile file, YamlNode node, int line, String baseDir, Path root, String owner) {
        if (!(node instanceof YamlNode.Mapping mapping)) {
            throw file.wrongType(node, owner, "a map with 'command' and 'files'");
        }
        file.checkKeys(mapping, KEYS, owner);
        List<String> command = switch (mapping.get("command")) {
            case null -> List.of();
            case YamlNode.Null _ -> List.of();
            case YamlNode.Scalar(String text, _) -> text.isBlank() ? List.of() : List.of(text);
            case YamlNode other -> file.stringList(other, "'command' of " + owner);
        };
        if (command.isEmpty()) {
            throw new SameException("environment command is empty: " + owner + " has no 'command'", List.of(
                    file.at(line),
                    "give it the command that prints the environment, e.g. command: [\"mise\", \"env\", \"--json\"]"));
        }
        SortedSet<String> files = new TreeSet<>();
        List<YamlNode.Scalar> written = mapping.present("files")
                .map(value -> file.scalarList(value, "'files' of " + owner)).orElse(List.of());
        for (YamlNode.Scalar path : written) {
            if (RootRelativePath.isGlob(path.text()) || path.text().startsWith("!")) {
                throw new SameException("environment file must be a path, not a pattern: '" + path.text() + "' in "
                        + owner, List.of(file.at(path.line()),
                        "name the files the command reads, e.g. .tool-versions"));
            }
            String resolved = RootRelativePath.resolve(root, baseDir, path.text()).orElseThrow(() -> new SameException(
                    "environment file is outside the workspace root: '" + path.text() + "' in " + owner,
                    List.of(file.at(path.line()), "files are relative to the directory of " + file.name())));
            files.add(resolved);
        }
        return new EnvCommand(command, List.copyOf(files), baseDir, file.location(line));
    }
}
