package dev.same.server.hash;

import java.util.ArrayList;
import java.util.List;

/** One resolved input file: root-relative '/'-separated path and content digest. */
public record InputFile(String path, String digest) {
    /** The paths added, removed or with another digest between two resolutions, both sorted by path as resolved. */
    public static List<String> differing(List<InputFile> before, List<InputFile> after) {
        List<String> changed = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < before.size() || j < after.size()) {
            int order = i == before.size() ? 1 : j == after.size() ? -1
                    : before.get(i).path().compareTo(after.get(j).path());
            if (order < 0) {
                changed.add(before.get(i++).path());
            } else if (order > 0) {
                changed.add(after.get(j++).path());
            } else {
                if (!before.get(i).digest().equals(after.get(j).digest())) {
                    changed.add(after.get(j).path());
                }
                i++;
                j++;
            }
        }
        return changed;
    }
}
