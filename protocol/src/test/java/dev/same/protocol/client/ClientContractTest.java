package dev.same.protocol.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.same.protocol.SameClientApi;
import dev.same.protocol.SameServerApi;
import dev.same.protocol.Samples;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hand-written Java client against the contract's interfaces, method by method: {@link RemoteServer} sends
 * each {@link SameServerApi} request under the name its {@code @JsonRequest} gives, with its parameters, and
 * reads the answer as the declared result; {@link SameClient} hands each push named by a {@code @JsonNotification}
 * of {@link SameClientApi} to that method. A method added to the interfaces without the client following fails
 * here.
 */
class ClientContractTest {
    private InputStream serverIn;
    private OutputStream serverOut;
    private final List<Object[]> delivered = new ArrayList<>();
    private SameClient client;

    @BeforeEach
    void connect() throws IOException {
        Pipe toServer = Pipe.open();
        Pipe toClient = Pipe.open();
        serverIn = Channels.newInputStream(toServer.source());
        serverOut = Channels.newOutputStream(toClient.sink());
        SameClientApi pushes = (SameClientApi) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SameClientApi.class}, (proxy, method, args) -> {
                    delivered.add(new Object[] {method.getName(), args[0]});
                    return null;
                });
        client = SameClient.over(Channels.newInputStream(toClient.source()),
                Channels.newOutputStream(toServer.sink()), pushes, () -> { });
    }

    @AfterEach
    void close() throws IOException {
        client.close();
        serverOut.close();
    }

    @Test
    void everyRequestGoesOutUnderItsAnnotatedNameWithItsParamsAndReadsItsResult() throws Exception {
        for (Method method : SameServerApi.class.getMethods()) {
            String name = method.getAnnotation(JsonRequest.class).value();
            assertFalse(name.isEmpty(), method.getName() + " names its method in its annotation");
            Object[] args = new Object[method.getParameterCount()];
            for (int i = 0; i < args.length; i++) {
                args[i] = Samples.of(method.getGenericParameterTypes()[i]);
            }
            Object answer = Samples.of(resultType(method));

            CompletableFuture<?> future = (CompletableFuture<?>) method.invoke(client.server(), args);
            Map<?, ?> request = WireFormat.parse(WireFormat.readFrame(serverIn));
            assertEquals(name, request.get("method"), method.getName());
            if (args.length == 0) {
                assertFalse(request.containsKey("params"), method.getName() + " sends no params");
            } else {
                assertEquals(args[0], Json.bind(request.get("params"), method.getParameterTypes()[0]),
                        method.getName() + " sends its params");
            }
            answer(request.get("id"), answer);
            assertEquals(answer, future.get(10, TimeUnit.SECONDS), method.getName() + " reads its result");
        }
    }

    @Test
    void everyPushReachesTheMethodItsAnnotationNames() throws Exception {
        List<Object[]> expected = new ArrayList<>();
        for (Method method : SameClientApi.class.getMethods()) {
            Object params = Samples.of(method.getGenericParameterTypes()[0]);
            push(method.getAnnotation(JsonNotification.class).value(), params);
            expected.add(new Object[] {method.getName(), params});
        }
        // pushes are delivered in order before the answer that follows them completes its request
        CompletableFuture<?> status = client.server().daemonStop();
        answer(WireFormat.parse(WireFormat.readFrame(serverIn)).get("id"), true);
        status.get(10, TimeUnit.SECONDS);

        assertEquals(expected.stream().map(List::of).toList(), delivered.stream().map(List::of).toList());
    }

    private static Type resultType(Method method) {
        return ((ParameterizedType) method.getGenericReturnType()).getActualTypeArguments()[0];
    }

    private void answer(Object id, Object result) throws IOException {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("jsonrpc", "2.0");
        message.put("id", id);
        message.put("result", result);
        WireFormat.writeFrame(serverOut, message);
    }

    private void push(String method, Object params) throws IOException {
        WireFormat.writeFrame(serverOut, Map.of("jsonrpc", "2.0", "method", method, "params", params));
    }
}
