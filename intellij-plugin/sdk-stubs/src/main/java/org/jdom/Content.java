// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community platform/util/jdom/src/org/jdom/Content.java (IntelliJ's fork of JDOM), IntelliJ Platform 2024.2 (242):
// only the members the plugin uses, with the platform's signatures.
package org.jdom;

public abstract class Content {
}
