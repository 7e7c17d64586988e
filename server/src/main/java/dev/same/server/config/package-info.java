/**
 * {@code same.yaml} and {@code same.work.yaml} into an immutable {@code Workspace}: YAML with positions, validation
 * with the file, line and a remedy in every error, and the warnings the reference tool gives.
 */
package dev.same.server.config;
