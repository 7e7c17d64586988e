package dev.same.intellij.editor;

import com.intellij.execution.lineMarker.ExecutorAction;
import com.intellij.execution.lineMarker.RunLineMarkerContributor;
import com.intellij.openapi.actionSystem.AnAction;
import com.intellij.psi.PsiElement;
import dev.same.intellij.SameFiles;
import dev.same.intellij.StateIcons;
import dev.same.intellij.core.samefile.GutterMark;
import dev.same.intellij.core.samefile.GutterMarks;

/** The gutter icon of each task in same.yaml: its live state, its reasons as tooltip, and the run actions (▶). */
public final class TaskLineMarkerContributor extends RunLineMarkerContributor {

    @Override
    public Info getInfo(PsiElement element) {
        if (element.getFirstChild() != null) {
            return null; // marks go on leaves: the first token of the task's key
        }
        return SameFiles.of(element).flatMap(file -> {
            int[] position = file.position(element.getTextRange().getStartOffset());
            return GutterMarks.anchoredAt(position[0], position[1], file.marks());
        }).map(TaskLineMarkerContributor::info).orElse(null);
    }

    private static Info info(GutterMark mark) {
        AnAction[] actions = mark.runnable() ? ExecutorAction.getActions(0) : new AnAction[0];
        return new Info(StateIcons.of(mark.icon()), actions, element -> mark.tooltip());
    }
}
