/**
 * How a run looks: the interactive view on a terminal, linear lines for scripts and CI, JSON lines for tools; styles,
 * durations and the terminal's capabilities.
 */
package dev.same.cli.render;
