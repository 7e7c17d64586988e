package dev.same.server.cache.remote;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** How requests to the remote cache authenticate. Never printed: {@link #toString()} names the kind only. */
sealed interface Credentials {
    /** The {@code Authorization} header's value, if any. */
    Optional<String> authorization();

    record None() implements Credentials {
        @Override
        public Optional<String> authorization() {
            return Optional.empty();
        }

        @Override
        public String toString() {
            return "none";
        }
    }

    record Bearer(String token) implements Credentials {
        @Override
        public Optional<String> authorization() {
            return Optional.of("Bearer " + token);
        }

        @Override
        public String toString() {
            return "bearer token";
        }
    }

    record Basic(String login, String password) implements Credentials {
        @Override
        public Optional<String> authorization() {
            String pair = login + ":" + password;
            return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public String toString() {
            return "basic (~/.netrc)";
        }
    }

    /** The caller's {@code SAME_REMOTE_CACHE_TOKEN}, else the entry for {@code host} in its {@code ~/.netrc}. */
    static Credentials of(String host, String token, Map<String, String> caller) {
        if (token != null && !token.isBlank()) {
            return new Bearer(token.strip());
        }
        String home = caller.get("HOME");
        if (home == null || home.isBlank()) {
            return new None();
        }
        return Netrc.read(Path.of(home, ".netrc")).login(host)
                .<Credentials>map(login -> new Basic(login.login(), login.password()))
                .orElseGet(None::new);
    }
}
