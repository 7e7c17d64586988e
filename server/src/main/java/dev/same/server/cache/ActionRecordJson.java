package dev.same.server.cache;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.SortedMap;

import static dev.same.server.cache.JsonStreams.bool;
import static dev.same.server.cache.JsonStreams.list;
import static dev.same.server.cache.JsonStreams.number;
import static dev.same.server.cache.JsonStreams.object;
import static dev.same.server.cache.JsonStreams.skip;
import static dev.same.server.cache.JsonStreams.string;

/**
 * An {@link ActionRecord} as the JSON of {@code .same/cache/actions/}: its fields in their declared order, an
 * output's kind by name, {@code finishedAt} in ISO-8601 as {@link Instant#toString()} writes it.
 */
final class ActionRecordJson {
    /** The first second of the years {@link #isoInstant} writes by hand, and the first after them. */
    private static final long YEAR_0 = -62_167_219_200L;
    private static final long YEAR_10000 = 253_402_300_800L;

    private ActionRecordJson() {
    }

    static byte[] write(ActionRecord record) {
        return JsonStreams.write(json -> {
            json.writeStartObject();
            json.writeNumberField("format", record.format());
            json.writeStringField("taskId", record.taskId());
            json.writeStringField("hash", record.hash());
            json.writeFieldName("outputs");
            json.writeStartArray();
            for (OutputEntry output : record.outputs()) {
                writeOutput(json, output);
            }
            json.writeEndArray();
            json.writeStringField("logDigest", record.logDigest());
            json.writeNumberField("durationMillis", record.durationMillis());
            json.writeStringField("finishedAt", isoInstant(record.finishedAt()));
            JsonStreams.writeInputs(json, "inputs", record.inputs());
            JsonStreams.writeStringMap(json, "dependencyHashes", record.dependencyHashes());
            JsonStreams.writeStringMap(json, "environment", record.environment());
            json.writeEndObject();
        });
    }

    private static void writeOutput(JsonGenerator json, OutputEntry output) throws IOException {
        json.writeStartObject();
        json.writeStringField("path", output.path());
        json.writeStringField("kind", output.kind().name());
        json.writeStringField("digest", output.digest());
        json.writeBooleanField("executable", output.executable());
        json.writeStringField("linkTarget", output.linkTarget());
        json.writeEndObject();
    }

    /**
     * The record in {@code bytes}, or null for a JSON null.
     *
     * @throws IOException not JSON, or a field of the wrong type
     */
    static ActionRecord read(byte[] bytes) throws IOException {
        return JsonStreams.read(bytes, json -> {
            var fields = new Object() {
                long format;
                String taskId;
                String hash;
                List<OutputEntry> outputs;
                String logDigest;
                long durationMillis;
                Instant finishedAt;
                List<dev.same.server.hash.InputFile> inputs;
                SortedMap<String, String> dependencyHashes;
                SortedMap<String, String> environment;
            };
            boolean present = object(json, name -> {
                switch (name) {
                    case "format" -> fields.format = number(json);
                    case "taskId" -> fields.taskId = string(json);
                    case "hash" -> fields.hash = string(json);
                    case "outputs" -> fields.outputs = list(json, ActionRecordJson::readOutput);
                    case "logDigest" -> fields.logDigest = string(json);
                    case "durationMillis" -> fields.durationMillis = number(json);
                    case "finishedAt" -> fields.finishedAt = instant(string(json));
                    case "inputs" -> fields.inputs = JsonStreams.inputs(json);
                    case "dependencyHashes" -> fields.dependencyHashes = JsonStreams.stringMap(json);
                    case "environment" -> fields.environment = JsonStreams.stringMap(json);
                    default -> skip(json);
                }
            });
            if (!present) {
                return null;
            }
            int format = fields.format == (int) fields.format ? (int) fields.format : -1;
            return new ActionRecord(format, fields.taskId, fields.hash, fields.outputs, fields.logDigest,
                    fields.durationMillis, fields.finishedAt, fields.inputs, fields.dependencyHashes,
                    fields.environment);
        });
    }

    private static OutputEntry readOutput(JsonParser json) throws IOException {
        var fields = new Object() {
            String path;
            OutputEntry.Kind kind;
            String digest;
            boolean executable;
            String linkTarget;
        };
        boolean present = object(json, name -> {
            switch (name) {
                case "path" -> fields.path = string(json);
                case "kind" -> fields.kind = kind(string(json));
                case "digest" -> fields.digest = string(json);
                case "executable" -> fields.executable = bool(json);
                case "linkTarget" -> fields.linkTarget = string(json);
                default -> skip(json);
            }
        });
        return present ? new OutputEntry(fields.path, fields.kind, fields.digest, fields.executable, fields.linkTarget)
                : null;
    }

    private static OutputEntry.Kind kind(String name) throws IOException {
        if (name == null) {
            return null;
        }
        try {
            return OutputEntry.Kind.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IOException("not a kind of output: " + name);
        }
    }

    /**
     * What {@link Instant#toString()} writes, written by hand (its formatter's first use costs a command more than
     * writing the rest of the record): {@code 2026-12-03T07:44:49.083225369Z}, the fraction in groups of three digits
     * as needed; years outside 0 to 9999 go to {@link Instant#toString()}.
     */
    static String isoInstant(Instant instant) {
        if (instant.getEpochSecond() < YEAR_0 || instant.getEpochSecond() >= YEAR_10000) {
            return instant.toString();
        }
        LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        var text = new StringBuilder(30);
        pad(text, time.getYear(), 4).append('-');
        pad(text, time.getMonthValue(), 2).append('-');
        pad(text, time.getDayOfMonth(), 2).append('T');
        pad(text, time.getHour(), 2).append(':');
        pad(text, time.getMinute(), 2).append(':');
        pad(text, time.getSecond(), 2);
        int nanos = instant.getNano();
        if (nanos > 0) {
            text.append('.');
            if (nanos % 1_000_000 == 0) {
                pad(text, nanos / 1_000_000, 3);
            } else if (nanos % 1000 == 0) {
                pad(text, nanos / 1000, 6);
            } else {
                pad(text, nanos, 9);
            }
        }
        return text.append('Z').toString();
    }

    private static StringBuilder pad(StringBuilder text, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        return text.append(digits);
    }

    /**
     * Parses what {@link Instant#toString()} writes ({@code 2026-12-03T07:44:49.083225369Z}) by hand, since
     * {@link Instant#parse}'s formatter machinery costs more than reading the rest of the record; anything else
     * goes to {@link Instant#parse}.
     */
    static Instant instant(String text) throws IOException {
        if (text == null) {
            return null;
        }
        Instant quick = quickInstant(text);
        if (quick != null) {
            return quick;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IOException("not an instant: " + text);
        }
    }

    private static Instant quickInstant(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-'
                || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nanos = 0;
        if (length > 20) {
            if (text.charAt(19) != '.' || length == 21) {
                return null;
            }
            int fraction = digits(text, 20, length - 1);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = length - 1 - 20; i < 9; i++) {
                nanos *= 10;
            }
        }
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(
                    LocalDateTime.of(year, month, day, hour, minute, second).toEpochSecond(ZoneOffset.UTC), nanos);
        } catch (DateTimeException e) {
            return null; // a leap second, say: Instant.parse knows what to do
        }
    }

    /** The decimal number in {@code text[from, to)}, or -1 if a character is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
