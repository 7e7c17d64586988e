package dev.same.intellij.editor;

import com.intellij.lang.annotation.AnnotationHolder;
import com.intellij.lang.annotation.Annotator;
import com.intellij.lang.annotation.HighlightSeverity;
import com.intellij.openapi.editor.Document;
import com.intellij.openapi.util.TextRange;
import com.intellij.psi.PsiElement;
import com.intellij.psi.PsiFile;
import dev.same.intellij.SameFiles;
import dev.same.intellij.core.samefile.ErrorMark;

/**
 * The daemon's configuration error as an error annotation on its line of the file it names. It is made while the
 * file itself is annotated: the platform refuses a range outside the element being annotated (AnnotationBuilder.range
 * throws), and the error's span may cross several tokens.
 */
public final class ConfigErrorAnnotator implements Annotator {

    @Override
    public void annotate(PsiElement element, AnnotationHolder holder) {
        if (!(element instanceof PsiFile)) {
            return;
        }
        SameFiles.of(element).ifPresent(file -> ErrorMark.in(file.relativePath(), file.service().snapshot())
                .ifPresent(mark -> annotate(holder, file.document(), mark)));
    }

    private static void annotate(AnnotationHolder holder, Document document, ErrorMark mark) {
        if (document.getLineCount() == 0) {
            return;
        }
        int line = Math.min(mark.line(), document.getLineCount() - 1);
        int start = document.getLineStartOffset(line);
        String text = document.getText(new TextRange(start, document.getLineEndOffset(line)));
        int[] columns = ErrorMark.columns(text);
        holder.newAnnotation(HighlightSeverity.ERROR, mark.message())
                .range(new TextRange(start + columns[0], Math.max(start + columns[1], start + columns[0])))
                .create();
    }
}
