package dev.same.server.hash;

/** One resolved input file: root-relative '/'-separated path and content digest. */
public record InputFile(String path, String digest) {
}
