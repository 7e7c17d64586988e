/**
 * The task cache: action records keyed by task hash, a content-addressed store of outputs and logs (verified on every
 * read), capturing and restoring a task's outputs, atomic writes, and cleaning.
 */
package dev.same.server.cache;
