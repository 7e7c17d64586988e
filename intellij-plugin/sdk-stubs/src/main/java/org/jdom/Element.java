// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community platform/util/jdom/src/org/jdom/Element.java (IntelliJ's fork of JDOM), IntelliJ Platform 2024.2 (242):
// only the members the plugin uses, with the platform's signatures.
package org.jdom;

public class Element extends Content {
    public Element(String name) {
    }

    public java.util.List<Element> getChildren(String cname) {
        throw new UnsupportedOperationException("stub");
    }

    public String getAttributeValue(String attname) {
        throw new UnsupportedOperationException("stub");
    }

    public Element setAttribute(String name, String value) {
        throw new UnsupportedOperationException("stub");
    }

    /** The overload IntelliJ's JDOM adds next to addContent(Content); a call with an Element resolves to it. */
    public Element addContent(Element child) {
        throw new UnsupportedOperationException("stub");
    }

    public boolean removeChildren(String cname) {
        throw new UnsupportedOperationException("stub");
    }
}
