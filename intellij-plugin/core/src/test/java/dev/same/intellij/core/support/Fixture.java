package dev.same.intellij.core.support;

import java.io.IOException;

/** The workspace the real-daemon tests share: a library, an app depending on it, a coloured task, a slow task. */
public final class Fixture {
    private Fixture() {
    }

    public static final String APP_YAML = """
            version: "1"
            project: app
            tasks:
              build:
                cmd: ['sh', '-c', 'printf "\\033[32mgreen\\033[0m see src/main.txt:1 and %s\\n" "$(cat src/main.txt)"']
                input: ["src"]
                dependsOn: ["lib:build"]
              slow:
                cmd: ['sh', '-c', 'echo started; sleep 300; echo MARKER']
                rebuild: always
            """;

    public static RealWorkspace create() throws IOException {
        RealWorkspace workspace = new RealWorkspace();
        workspace.file("same.work.yaml", """
                        version: "1"
                        projects: ["lib", "app"]
                        """)
                .file("lib/same.yaml", """
                        version: "1"
                        project: lib
                        tasks:
                          build:
                            cmd: ["sh", "-c", "cat src/name.txt > out.txt"]
                            input: ["src"]
                            target: ["out.txt"]
                        """)
                .file("lib/src/name.txt", "one\n")
                .file("app/same.yaml", APP_YAML.replace("MARKER", workspace.marker))
                .file("app/src/main.txt", "hello\n");
        return workspace;
    }
}
