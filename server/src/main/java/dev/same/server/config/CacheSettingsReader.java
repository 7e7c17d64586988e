package dev.same.server.config;

import dev.same.server.SameException;

import java.net.URI;
import java.util.List;

/** Reads {@code cache: { remote: { url, readOnly }, portable }} of a workfile; unknown keys there are errors. */
final class CacheSettingsReader {
    static final List<String> CACHE_KEYS = List.of("remote", "portable");
    static final List<String> REMOTE_KEYS = List.of("url", "readOnly");

    /**
     * @param remote   the remote cache the workfile names; null when it names none
     * @param portable {@code cache.portable}: whether a task that does not say {@code portable} is; false when absent
     */
    record CacheSettings(RemoteCacheConfig remote, boolean portable) {
    }

    private CacheSettingsReader() {
    }

    static CacheSettings read(ConfigFile file) {
        YamlNode.Mapping cache = mapping(file, file.content().present("cache").orElse(null), "'cache'", CACHE_KEYS);
        if (cache == null) {
            return new CacheSettings(null, false);
        }
        boolean portable = cache.present("portable").map(node -> file.bool(node, "'cache.portable'")).orElse(false);
        return new CacheSettings(remote(file, cache), portable);
    }

    private static RemoteCacheConfig remote(ConfigFile file, YamlNode.Mapping cache) {
        YamlNode.Mapping remote = mapping(file, cache.present("remote").orElse(null), "'cache.remote'", REMOTE_KEYS);
        if (remote == null) {
            return null;
        }
        YamlNode url = remote.present("url").orElseThrow(() -> new SameException(
                "'cache.remote' in " + file.name() + " needs a url", List.of(file.at(remote.line()),
                "for example url: https://cache.example.com/same")));
        boolean readOnly = remote.present("readOnly").map(node -> file.bool(node, "'cache.remote.readOnly'"))
                .orElse(false);
        return new RemoteCacheConfig(url(file, url), readOnly);
    }

    private static YamlNode.Mapping mapping(ConfigFile file, YamlNode node, String what, List<String> keys) {
        if (node == null) {
            return null;
        }
        if (!(node instanceof YamlNode.Mapping mapping)) {
            throw file.wrongType(node, what, "a map (" + String.join(", ", keys) + ")");
        }
        file.checkKeys(mapping, keys, what);
        return mapping;
    }

    /** An absolute http(s) URL without credentials: a workfile is committed, credentials must not be. */
    static URI url(ConfigFile file, YamlNode node) {
        String written = file.string(node, "'cache.remote.url'");
        String problem = RemoteCacheConfig.problem(written);
        if (problem != null) {
            throw new SameException("invalid remote cache url '" + RemoteCacheConfig.redacted(written) + "': " + problem,
                    List.of(file.at(node.line())));
        }
        return URI.create(written);
    }
}
