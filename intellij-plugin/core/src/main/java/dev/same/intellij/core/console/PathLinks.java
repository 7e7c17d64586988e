package dev.same.intellij.core.console;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds file paths in output text ({@code src/app.ts:12:5}, {@code /abs/file.c:3}, {@code ./README.md}) and turns
 * those naming an existing file into links. Relative paths are tried against each base directory in order (the
 * task's project directory, then the workspace root); a word that names no file stays text.
 */
public final class PathLinks {
    private static final Pattern CANDIDATE = Pattern.compile(
            "(?<![\\w./@+-])((?:\\.{1,2}/|/)?[\\w@+-][\\w.@+-]*(?:/[\\w.@+-]+)*)(?::(\\d+))?(?::(\\d+))?");
    private final List<Path> bases;

    public PathLinks(List<Path> bases) {
        this.bases = List.copyOf(bases);
    }

    /** Splits a segment where it names files; the pieces keep the segment's style. */
    public List<Segment> link(Segment segment) {
        if (segment.link() != null) {
            return List.of(segment);
        }
        String text = segment.text();
        List<Segment> pieces = new ArrayList<>();
        Matcher match = CANDIDATE.matcher(text);
        int last = 0;
        while (match.find()) {
            String candidate = match.group(1);
            if (!candidate.contains("/") && !candidate.contains(".")) {
                continue;
            }
            FileLink link = resolve(candidate, number(match.group(2)), number(match.group(3)));
            if (link == null) {
                continue;
            }
            if (match.start() > last) {
                pieces.add(new Segment(text.substring(last, match.start()), segment.style(), null));
            }
            pieces.add(new Segment(match.group(), segment.style(), link));
            last = match.end();
        }
        if (last == 0) {
            return List.of(segment);
        }
        if (last < text.length()) {
            pieces.add(new Segment(text.substring(last), segment.style(), null));
        }
        return pieces;
    }

    private FileLink resolve(String candidate, int line, int column) {
        try {
            Path path = Path.of(candidate);
            if (path.isAbsolute()) {
                return Files.isRegularFile(path) ? new FileLink(path.normalize(), line, column) : null;
            }
            for (Path base : bases) {
                Path file = base.resolve(path).normalize();
                if (Files.isRegularFile(file)) {
                    return new FileLink(file, line, column);
                }
            }
        } catch (InvalidPathException e) {
            return null;
        }
        return null;
    }

    private static int number(String digits) {
        if (digits == null) {
            return 0;
        }
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
