package dev.same.server.cache.remote;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import dev.same.server.cache.JsonStreams;
import dev.same.server.hash.InputFile;

import java.io.IOException;
import java.util.List;
import java.util.SortedMap;

import static dev.same.server.cache.JsonStreams.list;
import static dev.same.server.cache.JsonStreams.number;
import static dev.same.server.cache.JsonStreams.object;
import static dev.same.server.cache.JsonStreams.optionalNumber;
import static dev.same.server.cache.JsonStreams.skip;
import static dev.same.server.cache.JsonStreams.string;

/** A {@link RemoteRecord} as JSON: its fields in their declared order, those that are null left out. */
final class RemoteRecordJson {
    private RemoteRecordJson() {
    }

    static byte[] write(RemoteRecord record) {
        return JsonStreams.write(json -> {
            json.writeStartObject();
            optional(json, "format", record.format());
            optional(json, "task", record.task());
            optional(json, "hash", record.hash());
            if (record.outputs() != null) {
                json.writeFieldName("outputs");
                json.writeStartArray();
                for (RemoteRecord.Output output : record.outputs()) {
                    writeOutput(json, output);
                }
                json.writeEndArray();
            }
            if (record.log() != null) {
                json.writeFieldName("log");
                json.writeStartObject();
                json.writeStringField("digest", record.log().digest());
                json.writeNumberField("size", record.log().size());
                json.writeEndObject();
            }
            json.writeNumberField("durationMillis", record.durationMillis());
            if (record.inputs() != null) {
                JsonStreams.writeInputs(json, "inputs", record.inputs());
            }
            for (var map : List.of(new Named("dependencyHashes", record.dependencyHashes()),
                    new Named("environment", record.environment()), new Named("inline", record.inline()))) {
                if (map.value() != null) {
                    JsonStreams.writeStringMap(json, map.name(), map.value());
                }
            }
            json.writeEndObject();
        });
    }

    private record Named(String name, SortedMap<String, String> value) {
    }

    private static void writeOutput(JsonGenerator json, RemoteRecord.Output output) throws IOException {
        json.writeStartObject();
        optional(json, "path", output.path());
        optional(json, "type", output.type());
        optional(json, "mode", output.mode());
        optional(json, "digest", output.digest());
        if (output.size() != null) {
            json.writeNumberField("size", output.size());
        }
        optional(json, "target", output.target());
        json.writeEndObject();
    }

    private static void optional(JsonGenerator json, String name, String value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value);
        }
    }

    /**
     * The record in {@code bytes}, or null for a JSON null.
     *
     * @throws IOException not JSON, or a field of the wrong type
     */
    static RemoteRecord read(byte[] bytes) throws IOException {
        return JsonStreams.read(bytes, json -> {
            var fields = new Object() {
                String format;
                String task;
                String hash;
                List<RemoteRecord.Output> outputs;
                RemoteRecord.Blob log;
                long durationMillis;
                List<InputFile> inputs;
                SortedMap<String, String> dependencyHashes;
                SortedMap<String, String> environment;
                SortedMap<String, String> inline;
            };
            boolean present = object(json, name -> {
                switch (name) {
                    case "format" -> fields.format = string(json);
                    case "task" -> fields.task = string(json);
                    case "hash" -> fields.hash = string(json);
                    case "outputs" -> fields.outputs = list(json, RemoteRecordJson::readOutput);
                    case "log" -> fields.log = readBlob(json);
                    case "durationMillis" -> fields.durationMillis = number(json);
                    case "inputs" -> fields.inputs = JsonStreams.inputs(json);
                    case "dependencyHashes" -> fields.dependencyHashes = JsonStreams.stringMap(json);
                    case "environment" -> fields.environment = JsonStreams.stringMap(json);
                    case "inline" -> fields.inline = JsonStreams.stringMap(json);
                    default -> skip(json);
                }
            });
            return present ? new RemoteRecord(fields.format, fields.task, fields.hash, fields.outputs, fields.log,
                    fields.durationMillis, fields.inputs, fields.dependencyHashes, fields.environment, fields.inline)
                    : null;
        });
    }

    private static RemoteRecord.Output readOutput(JsonParser json) throws IOException {
        var fields = new Object() {
            String path;
            String type;
            String mode;
            String digest;
            Long size;
            String target;
        };
        boolean present = object(json, name -> {
            switch (name) {
                case "path" -> fields.path = string(json);
                case "type" -> fields.type = string(json);
                case "mode" -> fields.mode = string(json);
                case "digest" -> fields.digest = string(json);
                case "size" -> fields.size = optionalNumber(json);
                case "target" -> fields.target = string(json);
                default -> skip(json);
            }
        });
        return present ? new RemoteRecord.Output(fields.path, fields.type, fields.mode, fields.digest, fields.size,
                fields.target) : null;
    }

    private static RemoteRecord.Blob readBlob(JsonParser json) throws IOException {
        var fields = new Object() {
            String digest;
            long size;
        };
        boolean present = object(json, name -> {
            switch (name) {
                case "digest" -> fields.digest = string(json);
                case "size" -> fields.size = number(json);
                default -> skip(json);
            }
        });
        return present ? new RemoteRecord.Blob(fields.digest, fields.size) : null;
    }
}
