package dev.same.cli.daemon;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real nginx serving Bazel's HTTP cache protocol from a temporary directory, configured as Bazel's documentation
 * gives it (WebDAV {@code PUT}, full paths created), on a free loopback port, in the foreground of a child process
 * that {@link #close} stops. Without nginx on this machine a test using it is skipped, saying why.
 */
final class NginxCache implements AutoCloseable {
    static final Path NGINX = Path.of("/usr/sbin/nginx");

    /** How the server answers: normally, only with the right bearer token, always 500, or 403 to every PUT. */
    sealed interface Mode {
    }

    record Open() implements Mode {
    }

    record TokenRequired(String token) implements Mode {
    }

    record Failing() implements Mode {
    }

    record RefusingUploads() implements Mode {
    }

    private final Path dir;
    private final int port;
    private final Process process;

    private NginxCache(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    static NginxCache start(Mode mode) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(NGINX), "nginx is not installed at " + NGINX + " (Debian package nginx-light)");
        Path dir = Files.createTempDirectory("same-nginx");
        return start(dir, freePort(), mode);
    }

    /** Another nginx on the same storage and port, answering as {@code mode} (after {@link #close}). */
    NginxCache restart(Mode mode) throws IOException, InterruptedException {
        return start(dir, port, mode);
    }

    private static NginxCache start(Path dir, int port, Mode mode) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("storage/cache"));
        Files.createDirectories(dir.resolve("tmp"));
        Path config = dir.resolve("nginx.conf");
        Files.writeString(config, config(dir, port, mode));
        Process process = new ProcessBuilder(NGINX.toString(), "-p", dir.toString(), "-c", config.toString(),
                "-e", dir.resolve("error.log").toString())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(dir.resolve("nginx.out").toFile())
                .redirectErrorStream(true)
                .start();
        NginxCache nginx = new NginxCache(dir, port, process);
        DaemonWorkspace.poll(() -> nginx.accepting() || !process.isAlive(), "nginx to listen on port " + port);
        if (!process.isAlive()) {
            throw new IOException("nginx did not start: " + Files.readString(dir.resolve("nginx.out"))
                    + Files.readString(dir.resolve("error.log")));
        }
        return nginx;
    }

    private static String config(Path dir, int port, Mode mode) {
        String access = switch (mode) {
            case Open o -> "";
            case TokenRequired(String token) -> "if ($authorized = 0) { return 401; }";
            case Failing f -> "return 500;";
            case RefusingUploads r -> "limit_except GET HEAD { deny all; }";
        };
        String token = mode instanceof TokenRequired(String t) ? t : "unused";
        return """
                daemon off;
                master_process off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events { worker_connections 64; }
                http {
                    access_log %1$s/access.log;
                    client_body_temp_path %1$s/tmp/body;
                    proxy_temp_path %1$s/tmp/proxy;
                    fastcgi_temp_path %1$s/tmp/fastcgi;
                    uwsgi_temp_path %1$s/tmp/uwsgi;
                    scgi_temp_path %1$s/tmp/scgi;
                    client_max_body_size 1g;
                    map $http_authorization $authorized {
                        default 0;
                        "Bearer %3$s" 1;
                    }
                    server {
                        listen 127.0.0.1:%2$d;
                        location /cache/ {
                            root %1$s/storage;
                            dav_methods PUT;
                            create_full_put_path on;
                            dav_access user:rw;
                            %4$s
                        }
                    }
                }
                """.formatted(dir, port, token, access);
    }

    String url() {
        return "http://127.0.0.1:" + port + "/cache";
    }

    /** Where nginx keeps what it was sent: {@code cas/<sha256>} and {@code ac/<key>}. */
    Path storage() {
        return dir.resolve("storage/cache");
    }

    long pid() {
        return process.pid();
    }

    /** The requests nginx served, one line each ("PUT /cache/cas/... 201"). */
    String accessLog() throws IOException {
        Path log = dir.resolve("access.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private boolean accepting() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Deletes its directory (configuration, logs, storage): once it is stopped for good. */
    void deleteFiles() throws IOException {
        DaemonWorkspace.deleteTree(dir);
    }

    /** Stops nginx and waits for it to be gone; the storage stays (see {@link #restart}). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
