package dev.same.server.cache.remote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code ~/.netrc}: {@code machine <host> login <name> password <secret>} entries and an optional {@code default}.
 * Macros ({@code macdef}) are skipped. A missing or unreadable file has no entries.
 */
record Netrc(List<Entry> entries) {
    /** @param machine null for the {@code default} entry */
    record Entry(String machine, String login, String password) {
        @Override
        public String toString() {
            return "Entry[machine=" + machine + ", login=" + login + "]";
        }
    }

    /** Files larger than this are not a netrc anyone wrote by hand; they are ignored. */
    private static final long MAX_SIZE = 1 << 20;

    static Netrc read(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_SIZE) {
                return new Netrc(List.of());
            }
            return parse(Files.readString(file));
        } catch (IOException | RuntimeException e) {
            return new Netrc(List.of());
        }
    }

    static Netrc parse(String text) {
        List<Entry> entries = new ArrayList<>();
        List<String> tokens = tokens(text);
        String machine = null;
        String login = null;
        String password = null;
        boolean inEntry = false;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            String value = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            switch (token) {
                case "machine", "default" -> {
                    if (inEntry) {
                        entries.add(new Entry(machine, login, password));
                    }
                    inEntry = true;
                    machine = token.equals("machine") ? value : null;
                    login = null;
                    password = null;
                    if (token.equals("machine")) {
                        i++;
                    }
                }
                case "login" -> {
                    login = value;
                    i++;
                }
                case "password" -> {
                    password = value;
                    i++;
                }
                case "account" -> i++;
                case "macdef" -> {
                    // a macro runs to the next empty line, which tokens() marks with ""
                    while (i + 1 < tokens.size() && !tokens.get(i + 1).isEmpty()) {
                        i++;
                    }
                }
                default -> { }
            }
        }
        if (inEntry) {
            entries.add(new Entry(machine, login, password));
        }
        return new Netrc(List.copyOf(entries));
    }

    /** Words separated by white space, quoted words as in curl's netrc, and "" for each blank line. */
    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (line.isBlank()) {
                tokens.add("");
                continue;
            }
            int i = 0;
            while (i < line.length()) {
                char c = line.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                    break;
                } else if (c == '"') {
                    StringBuilder word = new StringBuilder();
                    i++;
                    while (i < line.length() && line.charAt(i) != '"') {
                        if (line.charAt(i) == '\\' && i + 1 < line.length()) {
                            i++;
                        }
                        word.append(line.charAt(i++));
                    }
                    i++;
                    tokens.add(word.toString());
                } else {
                    int end = i;
                    while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
                        end++;
                    }
                    tokens.add(line.substring(i, end));
                    i = end;
                }
            }
        }
        return tokens;
    }

    /** The login for {@code host}: its own entry, else the default one; only entries with both login and password. */
    Optional<Entry> login(String host) {
        Optional<Entry> own = entries.stream().filter(e -> host.equalsIgnoreCase(e.machine())).findFirst();
        Optional<Entry> chosen = own.isPresent() ? own : entries.stream().filter(e -> e.machine() == null).findFirst();
        return chosen.filter(e -> e.login() != null && e.password() != null);
    }
}
