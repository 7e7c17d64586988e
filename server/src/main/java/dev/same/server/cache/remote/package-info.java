/**
 * The remote cache: a second tier behind the local action cache and content store, spoken over Bazel's HTTP cache
 * protocol ({@code GET}, {@code HEAD}, {@code PUT} on {@code <base>/ac/<key>} and {@code <base>/cas/<sha256>}), so
 * any server that serves it (nginx with WebDAV, bazel-remote, ...) can hold a team's results. Nothing fetched is used
 * before its size and SHA-256 are checked; a failing server costs one warning and never fails a run.
 */
package dev.same.server.cache.remote;
