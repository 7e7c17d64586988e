package dev.same.intellij.ui;

import com.intellij.openapi.project.DumbAware;
import com.intellij.openapi.project.Project;
import com.intellij.openapi.wm.ToolWindow;
import com.intellij.openapi.wm.ToolWindowFactory;
import com.intellij.ui.content.Content;
import com.intellij.ui.content.ContentFactory;
import dev.same.intellij.SameService;

/** The {@code same} tool window, offered only in projects with a same workspace. */
public final class SameToolWindowFactory implements ToolWindowFactory, DumbAware {
    public static final String ID = "same";

    @Override
    public void createToolWindowContent(Project project, ToolWindow toolWindow) {
        SameService service = SameService.of(project);
        service.start();
        TasksPanel panel = new TasksPanel(project, service);
        Content content = ContentFactory.getInstance().createContent(panel, "", false);
        content.setDisposer(panel);
        toolWindow.getContentManager().addContent(content);
    }

    @Override
    public boolean shouldBeAvailable(Project project) {
        return SameService.of(project).isSameWorkspace();
    }
}
