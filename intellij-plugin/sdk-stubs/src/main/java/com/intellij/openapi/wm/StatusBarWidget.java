// Compile-time stand-in for the IntelliJ Platform, never shipped (see intellij-plugin/README section in the root README).
// Mirrors intellij-community platform/platform-api/src/com/intellij/openapi/wm/StatusBarWidget.java, IntelliJ Platform 2024.2 (242):
// only the members the plugin uses, with the platform's signatures.
package com.intellij.openapi.wm;

public interface StatusBarWidget extends com.intellij.openapi.Disposable {
    String ID();

    default WidgetPresentation getPresentation() {
        throw new UnsupportedOperationException("stub");
    }

    default void install(StatusBar statusBar) {
    }

    @Override
    default void dispose() {
    }

    interface WidgetPresentation {
        String getTooltipText();

        default com.intellij.util.Consumer<java.awt.event.MouseEvent> getClickConsumer() {
            return null;
        }
    }

    interface TextPresentation extends WidgetPresentation {
        String getText();

        float getAlignment();
    }
}
