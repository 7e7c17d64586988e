package dev.same.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.same.cli.render.Terminal;
import dev.same.protocol.DaemonStatus;
import dev.same.protocol.SameClientApi;
import dev.same.protocol.SameServerApi;
import dev.same.protocol.client.WireFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stand-in daemon of the AOT training against the contract: it answers the methods of the warm path, each
 * with the shape of its result in {@link SameServerApi} and pushes with the shape of their {@link SameClientApi}
 * params, refuses every other method, and the training requests exactly those.
 */
class AotTrainingTest {
    @TempDir
    Path temp;

    @Test
    void theTrainingRequestsExactlyTheMethodsTheStandInAnswers() throws Exception {
        assertTrue(requestNames().keySet().containsAll(AotTraining.WARM_PATH), "methods of SameServerApi");
        assertEquals(AotTraining.WARM_PATH, new HashSet<>(AotTraining.train(temp)));
    }

    @Test
    void everyAnswerAndPushHasTheShapeOfItsDeclaredType() throws IOException {
        Map<String, Type> pushes = Arrays.stream(SameClientApi.class.getMethods()).collect(Collectors.toMap(
                method -> method.getAnnotation(JsonNotification.class).value(),
                method -> method.getGenericParameterTypes()[0]));
        for (Map.Entry<String, Method> request : requestNames().entrySet()) {
            String name = request.getKey();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            AotTraining.answer(Map.of("jsonrpc", "2.0", "id", 1, "method", name, "params", Map.of("runId", "r1")),
                    out, temp);
            InputStream frames = new ByteArrayInputStream(out.toByteArray());
            Map<?, ?> answer = WireFormat.parse(WireFormat.readFrame(frames));
            while (answer.get("method") instanceof String push) {
                assertNotNull(pushes.get(push), name + " pushes " + push + ", which SameClientApi does not have");
                JsonShape.check(answer.get("params"), pushes.get(push));
                answer = WireFormat.parse(WireFormat.readFrame(frames));
            }
            if (AotTraining.WARM_PATH.contains(name)) {
                JsonShape.check(answer.get("result"), resultType(request.getValue()));
            } else {
                Map<?, ?> error = assertInstanceOf(Map.class, answer.get("error"), name + " is off the warm path: "
                        + answer);
                assertEquals(-32601L, error.get("code"), name + ": " + answer);
            }
        }
    }

    @Test
    void daemonStatusJsonPrintsTheRecord() throws Exception {
        Path root = Files.createDirectory(temp.resolve("workspace")).toRealPath();
        Files.writeString(root.resolve("same.yaml"), "version: \"1\"\ntasks: {}\n");
        Map<String, String> environment = Map.of("XDG_RUNTIME_DIR",
                Files.createDirectory(temp.resolve("run")).toString(), "HOME", temp.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        try (ServerSocketChannel standIn = AotTraining.standIn(root, environment, new HashSet<>())) {
            Cli cli = new Cli(environment, root, new Terminal(print, print, false, false, 100));
            String[] args = {"daemon", "status", "--json"};
            assertEquals(0, QuickCommand.parse(args).orElseThrow().execute(cli));
        }
        JsonShape.check(WireFormat.parse(out.toByteArray()), DaemonStatus.class);
    }

    private static Map<String, Method> requestNames() {
        return Arrays.stream(SameServerApi.class.getMethods()).collect(Collectors.toMap(
                method -> method.getAnnotation(JsonRequest.class).value(), method -> method));
    }

    private static Type resultType(Method method) {
        return ((ParameterizedType) method.getGenericReturnType()).getActualTypeArguments()[0];
    }
}
