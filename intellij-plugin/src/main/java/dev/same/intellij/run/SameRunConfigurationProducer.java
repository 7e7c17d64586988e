package dev.same.intellij.run;

import com.intellij.execution.actions.ConfigurationContext;
import com.intellij.execution.actions.LazyRunConfigurationProducer;
import com.intellij.execution.configurations.ConfigurationFactory;
import com.intellij.openapi.util.Ref;
import com.intellij.psi.PsiElement;
import com.intellij.psi.PsiFile;
import dev.same.intellij.SameFiles;
import dev.same.intellij.core.run.RunOptions;
import dev.same.intellij.core.samefile.GutterMark;
import dev.same.intellij.core.samefile.GutterMarks;
import java.util.List;

/**
 * "Run 'app:build'" from context: in the editor, the task whose definition holds the caret; on a same.yaml in the
 * project view, every task of the file.
 */
public final class SameRunConfigurationProducer extends LazyRunConfigurationProducer<SameRunConfiguration> {

    @Override
    public ConfigurationFactory getConfigurationFactory() {
        return SameConfigurationType.getInstance().factory();
    }

    @Override
    protected boolean setupConfigurationFromContext(SameRunConfiguration configuration, ConfigurationContext context,
                                                    Ref<PsiElement> sourceElement) {
        List<String> tasks = tasksAt(context.getPsiLocation());
        if (tasks.isEmpty()) {
            return false;
        }
        RunOptions options = new RunOptions(tasks, false, 0, java.util.Map.of());
        configuration.setOptions(options);
        configuration.setName(options.suggestedName());
        return true;
    }

    @Override
    public boolean isConfigurationFromContext(SameRunConfiguration configuration, ConfigurationContext context) {
        List<String> tasks = tasksAt(context.getPsiLocation());
        return !tasks.isEmpty() && configuration.options().tasks().equals(tasks);
    }

    private static List<String> tasksAt(PsiElement element) {
        if (element == null) {
            return List.of();
        }
        return SameFiles.of(element).map(file -> {
            List<GutterMark> marks = file.marks().stream().filter(GutterMark::runnable).toList();
            if (element instanceof PsiFile) {
                return marks.stream().map(GutterMark::taskId).toList();
            }
            int line = file.position(element.getTextRange().getStartOffset())[0];
            return GutterMarks.enclosing(line, marks).map(mark -> List.of(mark.taskId())).orElse(List.of());
        }).orElse(List.of());
    }
}
