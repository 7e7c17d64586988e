package dev.same.intellij;

import com.intellij.openapi.editor.Document;
import com.intellij.psi.PsiDocumentManager;
import com.intellij.psi.PsiElement;
import com.intellij.psi.PsiFile;
import com.intellij.openapi.vfs.VirtualFile;
import dev.same.intellij.core.samefile.ConfigFile;
import dev.same.intellij.core.samefile.GutterMark;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A same configuration file open in the IDE: its document and its path as the daemon names it. */
public record SameFiles(SameService service, String relativePath, Document document) {

    /** Empty unless the element lies in a same.yaml / same.work.yaml of the project's workspace. */
    public static Optional<SameFiles> of(PsiElement element) {
        PsiFile file = element.getContainingFile();
        if (file == null) {
            return Optional.empty();
        }
        VirtualFile virtualFile = file.getVirtualFile();
        SameService service = SameService.of(element.getProject());
        if (virtualFile == null || service.root().isEmpty()) {
            return Optional.empty();
        }
        Optional<String> relative = ConfigFile.relativePath(service.root().get(), Path.of(virtualFile.getPath()));
        Document document = PsiDocumentManager.getInstance(element.getProject()).getDocument(file);
        if (relative.isEmpty() || document == null) {
            return Optional.empty();
        }
        service.start();
        return Optional.of(new SameFiles(service, relative.get(), document));
    }

    /** The gutter marks of this file's current text against the daemon's latest state. */
    public List<GutterMark> marks() {
        return service.marks().marks(relativePath, document.getModificationStamp(), document::getText,
                service.snapshot());
    }

    /** The 0-based line and column of an offset of the document. */
    public int[] position(int offset) {
        int line = document.getLineNumber(offset);
        return new int[] {line, offset - document.getLineStartOffset(line)};
    }
}
