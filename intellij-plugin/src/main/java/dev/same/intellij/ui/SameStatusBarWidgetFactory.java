package dev.same.intellij.ui;

import com.intellij.openapi.project.Project;
import com.intellij.openapi.wm.StatusBarWidget;
import com.intellij.openapi.wm.StatusBarWidgetFactory;
import dev.same.intellij.SameService;

/** The status bar's {@code same: 3 dirty}, in projects with a same workspace only. */
public final class SameStatusBarWidgetFactory implements StatusBarWidgetFactory {

    @Override
    public String getId() {
        return SameStatusBarWidget.ID;
    }

    @Override
    public String getDisplayName() {
        return "same";
    }

    @Override
    public boolean isAvailable(Project project) {
        return SameService.of(project).isSameWorkspace();
    }

    @Override
    public StatusBarWidget createWidget(Project project) {
        return new SameStatusBarWidget(project);
    }
}
