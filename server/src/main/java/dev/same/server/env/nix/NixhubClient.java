package dev.same.server.env.nix;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Asks the nixhub resolve API for one package version: {@code GET <base>/v2/resolve?name=<pkg>&version=<ver>}. */
public final class NixhubClient {
    /** What the resolver answered. */
    sealed interface Answer {
        URI url();
    }

    /** 200 with a body. */
    record Found(URI url, String body) implements Answer {
    }

    /** 404: no such package or version. */
    record NotFound(URI url) implements Answer {
    }

    /** The resolver could not be asked or did not answer usefully; {@code reason} says how. */
    record Unreachable(URI url, String reason) implements Answer {
    }

    private final URI base;
    private final Duration timeout;
    // made on first use: building an HTTP client sets up TLS (the trust store, the providers), which took a
    // third of a second of every in-process command, though most commands resolve no package
    private HttpClient http;

    public NixhubClient(URI base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
    }

    private synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        }
        return http;
    }

    URI urlOf(ToolSpec spec) {
        String prefix = base.toString().replaceAll("/+$", "");
        return URI.create(prefix + "/v2/resolve?name=" + encode(spec.pkg()) + "&version=" + encode(spec.version()));
    }

    Answer resolve(ToolSpec spec) {
        URI url = urlOf(spec);
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).header("Accept", "application/json")
                .GET().build();
        HttpResponse<String> response;
        try {
            response = http().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            return new Unreachable(url, "no connection within " + timeout.toSeconds() + "s");
        } catch (HttpTimeoutException e) {
            return new Unreachable(url, "no answer within " + timeout.toSeconds() + "s");
        } catch (ConnectException e) {
            return new Unreachable(url, "cannot connect" + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (IOException e) {
            return new Unreachable(url, describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Unreachable(url, "interrupted");
        }
        return switch (response.statusCode()) {
            case 200 -> new Found(url, response.body());
            case 404 -> new NotFound(url);
            default -> new Unreachable(url, "it answered HTTP " + response.statusCode()
                    + snippet(response.body()));
        };
    }

    /** The first message along the causes, e.g. an unknown host's name; else the kind of failure. */
    private static String describe(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                return cause.getMessage();
            }
        }
        return error.getClass().getSimpleName();
    }

    private static String snippet(String body) {
        String text = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            return "";
        }
        return ": " + (text.length() > 200 ? text.substring(0, 200) + "…" : text);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
