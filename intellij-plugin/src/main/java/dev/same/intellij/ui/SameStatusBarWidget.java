package dev.same.intellij.ui;

import com.intellij.openapi.project.Project;
import com.intellij.openapi.wm.StatusBar;
import com.intellij.openapi.wm.StatusBarWidget;
import com.intellij.openapi.wm.ToolWindow;
import com.intellij.openapi.wm.ToolWindowManager;
import com.intellij.util.Consumer;
import dev.same.intellij.SameService;
import dev.same.intellij.core.model.StatusLine;
import java.awt.Component;
import java.awt.event.MouseEvent;

/** Shows the dirty count or the daemon's trouble; a click opens the tool window. Starts the connection. */
final class SameStatusBarWidget implements StatusBarWidget, StatusBarWidget.TextPresentation {
    static final String ID = "same.status";
    private final Project project;
    private final SameService service;
    private final Runnable update = this::update;
    private StatusBar statusBar;

    SameStatusBarWidget(Project project) {
        this.project = project;
        this.service = SameService.of(project);
    }

    @Override
    public String ID() {
        return ID;
    }

    @Override
    public WidgetPresentation getPresentation() {
        return this;
    }

    @Override
    public void install(StatusBar statusBar) {
        this.statusBar = statusBar;
        service.addChangeListener(update);
        service.start();
    }

    private void update() {
        if (statusBar != null) {
            statusBar.updateWidget(ID);
        }
    }

    private StatusLine line() {
        return StatusLine.of(service.snapshot(), service.connectionState());
    }

    @Override
    public String getText() {
        return line().text();
    }

    @Override
    public String getTooltipText() {
        return line().tooltip();
    }

    @Override
    public float getAlignment() {
        return Component.CENTER_ALIGNMENT;
    }

    @Override
    public Consumer<MouseEvent> getClickConsumer() {
        return event -> {
            ToolWindow window = ToolWindowManager.getInstance(project).getToolWindow(SameToolWindowFactory.ID);
            if (window != null) {
                window.activate(null);
            }
        };
    }

    @Override
    public void dispose() {
        service.removeChangeListener(update);
        statusBar = null;
    }
}
