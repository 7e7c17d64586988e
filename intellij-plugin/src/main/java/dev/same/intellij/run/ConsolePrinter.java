package dev.same.intellij.run;

import com.intellij.execution.filters.OpenFileHyperlinkInfo;
import com.intellij.execution.ui.ConsoleView;
import com.intellij.execution.ui.ConsoleViewContentType;
import com.intellij.openapi.editor.markup.TextAttributes;
import com.intellij.openapi.project.Project;
import com.intellij.openapi.vfs.LocalFileSystem;
import com.intellij.openapi.vfs.VirtualFile;
import dev.same.intellij.core.console.AnsiColor;
import dev.same.intellij.core.console.AnsiPalette;
import dev.same.intellij.core.console.ConsoleLine;
import dev.same.intellij.core.console.Segment;
import dev.same.intellij.core.console.Style;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Prints the console model's lines into an IntelliJ console: styles as content types, file links as hyperlinks. */
final class ConsolePrinter {
    private final Project project;
    private final ConsoleView console;
    private final Map<Style, ConsoleViewContentType> types = new ConcurrentHashMap<>();

    ConsolePrinter(Project project, ConsoleView console) {
        this.project = project;
        this.console = console;
    }

    void print(List<ConsoleLine> lines) {
        for (ConsoleLine line : lines) {
            for (Segment segment : line.segments()) {
                VirtualFile file = segment.link() == null ? null
                        : LocalFileSystem.getInstance().findFileByNioFile(segment.link().file());
                if (file != null) {
                    console.printHyperlink(segment.text(), new OpenFileHyperlinkInfo(project, file,
                            Math.max(0, segment.link().line() - 1), Math.max(0, segment.link().column() - 1)));
                } else {
                    console.print(segment.text(), type(segment.style(), line.kind()));
                }
            }
            console.print("\n", type(Style.PLAIN, line.kind()));
        }
    }

    private ConsoleViewContentType type(Style style, ConsoleLine.Kind kind) {
        if (style.equals(Style.PLAIN)) {
            return switch (kind) {
                case OUTPUT -> ConsoleViewContentType.NORMAL_OUTPUT;
                case ERROR -> ConsoleViewContentType.ERROR_OUTPUT;
                case SYSTEM, SUMMARY -> ConsoleViewContentType.SYSTEM_OUTPUT;
            };
        }
        return types.computeIfAbsent(style, s -> new ConsoleViewContentType("same." + s, attributes(s)));
    }

    private static TextAttributes attributes(Style style) {
        TextAttributes attributes = new TextAttributes();
        attributes.setForegroundColor(color(style.foreground()));
        attributes.setBackgroundColor(color(style.background()));
        attributes.setFontType((style.bold() ? Font.BOLD : 0) | (style.italic() ? Font.ITALIC : 0));
        return attributes;
    }

    private static Color color(AnsiColor color) {
        return color == null ? null : new Color(AnsiPalette.rgb(color));
    }
}
