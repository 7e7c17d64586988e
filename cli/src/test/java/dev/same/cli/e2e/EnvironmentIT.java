package dev.same.cli.e2e;

import static dev.same.cli.e2e.TestWorkspace.assertSuccess;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tasks run with a hermetic environment. */
class EnvironmentIT {
    @TempDir
    Path temp;

    @Test
    void onlyHomePathUserTermAndTheTasksOwnVariablesReachATask() {
        TestWorkspace ws = new TestWorkspace(temp);
        ws.write("same.yaml", """
                version: "1"
                tasks:
                  env:
                    cmd: ["env"]
                    environment: { MODE: production, GREETING: "hello world" }
                """);
        Map<String, String> caller = Map.of("SECRET_TOKEN", "hunter2", "USER", "tester", "TERM", "dumb",
                "LANG", "C.UTF-8", "JAVA_TOOL_OPTIONS", "-Dx=y");

        SameProcess.Result result = assertSuccess(ws.sameWithEnv(caller, "run", "env"));

        Map<String, String> base = SameProcess.baseEnvironment();
        List<String> seen = result.outLines().stream().map(l -> l.substring("[env] ".length())).sorted().toList();
        assertEquals(List.of("GREETING=hello world", "HOME=" + base.get("HOME"), "MODE=production",
                "PATH=" + base.get("PATH"), "TERM=dumb", "USER=tester"), seen, result::toString);
    }

    @Test
    void theCallersVariablesDoNotCountInTheHashButTheTasksDo() {
        TestWorkspace ws = new TestWorkspace(temp);
        ws.write("same.yaml", """
                version: "1"
                tasks:
                  env:
                    cmd: ["sh", "-c", "echo mode=$MODE"]
                    environment: { MODE: one }
                """);
        assertSuccess(ws.same("run", "env"));

        SameProcess.Result otherCaller = assertSuccess(ws.sameWithEnv(Map.of("SECRET_TOKEN", "changed"), "run", "env"));
        TestWorkspace.assertHasLineStartingWith(otherCaller.errLines(), "[env] ~ Cached", otherCaller);

        ws.write("same.yaml", ws.read("same.yaml").replace("MODE: one", "MODE: two"));
        SameProcess.Result changed = assertSuccess(ws.same("run", "env"));
        assertEquals(List.of("[env] mode=two"), changed.outLines());
    }
}
