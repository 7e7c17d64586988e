package dev.same.cli.daemon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Another user's fake daemon, run by {@link ForeignDaemon} as that user: listens on the socket given as its
 * argument, prints {@code listening}, then for every connection prints {@code got: } and the first line the
 * client sent. One class without nested ones, so its single class file can be handed to the other user.
 */
public final class ForeignListener {
    private ForeignListener() {
    }

    public static void main(String[] args) throws IOException {
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(Path.of(args[0])));
            System.out.println("listening");
            while (true) {
                try (SocketChannel client = server.accept()) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(client),
                            StandardCharsets.UTF_8));
                    System.out.println("got: " + in.readLine());
                }
            }
        }
    }
}
