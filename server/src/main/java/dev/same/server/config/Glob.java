package dev.same.server.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A root-relative, '/'-separated path pattern: {@code *} and {@code ?} match within one segment
 * ({@code ?} exactly one character), a {@code **} segment matches any number of segments,
 * including none. {@code [abc]}, {@code [a-z]} and {@code [^a-z]} match one character of a class, and
 * {@code \\} makes the next character literal, as in the original's patterns (Go's {@code filepath.Match}).
 * Other characters are literal. {@code *} also matches names starting with a dot.
 */
public final class Glob {
    private final String pattern;
    private final String literalPrefix;
    private final boolean literal;
    private final Pattern regex;

    private Glob(String pattern, String literalPrefix, boolean literal, Pattern regex) {
        this.pattern = pattern;
        this.literalPrefix = literalPrefix;
        this.literal = literal;
        this.regex = regex;
    }

    /** Compiles a normalised pattern: no leading "./" or "/", no trailing "/", no empty segments. */
    public static Glob compile(String pattern) {
        List<String> segments = withoutRepeatedAnyDepth(pattern.isEmpty() ? List.of() : List.of(pattern.split("/")));
        var prefix = new StringBuilder();
        int firstWild = 0;
        while (firstWild < segments.size() && !hasWildcard(segments.get(firstWild))) {
            if (!prefix.isEmpty()) {
                prefix.append('/');
            }
            prefix.append(segments.get(firstWild++));
        }
        return new Glob(pattern, prefix.toString(), firstWild == segments.size(), Pattern.compile(toRegex(segments)));
    }

    public static boolean hasWildcard(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0 || text.indexOf('[') >= 0 || text.indexOf('\\') >= 0;
    }

    /** Why {@code pattern} is not a valid pattern (an unclosed or empty class, a trailing escape); empty when it is. */
    public static java.util.Optional<String> syntaxError(String pattern) {
        try {
            for (String segment : pattern.split("/")) {
                appendSegment(new StringBuilder(), segment);
            }
            return java.util.Optional.empty();
        } catch (IllegalArgumentException e) {
            return java.util.Optional.of(e.getMessage());
        }
    }

    public String pattern() {
        return pattern;
    }

    /** The segments before the first one with a wildcard: the only directory a walk needs to start from. */
    public String literalPrefix() {
        return literalPrefix;
    }

    /** True when the pattern has no wildcard: it names one path. */
    public boolean isLiteral() {
        return literal;
    }

    public boolean matches(String relPath) {
        return regex.matcher(relPath).matches();
    }

    /** False when nothing below the directory {@code relDir} can match, so a walk may skip it. */
    public boolean mayMatchBelow(String relDir) {
        Matcher m = regex.matcher(relDir.isEmpty() ? "" : relDir + "/");
        // hitEnd: the matcher ran out of input, so a longer path could still match
        return m.matches() || m.hitEnd();
    }

    @Override
    public String toString() {
        return pattern;
    }

    private static String toRegex(List<String> segments) {
        var re = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            boolean first = i == 0;
            boolean last = i == segments.size() - 1;
            if (segment.equals("**")) {
                // a leading "**" owns the separator after it, any other "**" the one before it
                re.append(first && last ? ".*" : first ? "(?:.*/)?" : "(?:/.*)?");
            } else {
                boolean afterLeadingAnyDepth = i == 1 && segments.getFirst().equals("**");
                if (!first && !afterLeadingAnyDepth) {
                    re.append('/');
                }
                appendSegment(re, segment);
            }
        }
        return re.toString();
    }

    // "a/**/**/b" means "a/**/b"
    private static List<String> withoutRepeatedAnyDepth(List<String> segments) {
        var result = new ArrayList<String>(segments.size());
        for (String segment : segments) {
            if (!(segment.equals("**") && !result.isEmpty() && result.getLast().equals("**"))) {
                result.add(segment);
            }
        }
        return result;
    }

    private static void appendSegment(StringBuilder re, String segment) {
        var literal = new StringBuilder();
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '\\') {
                if (++i == segment.length()) {
                    throw new IllegalArgumentException("'\\' at the end escapes nothing");
                }
                literal.append(segment.charAt(i));
            } else if (c == '[') {
                if (!literal.isEmpty()) {
                    re.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                i = appendClass(re, segment, i);
            } else if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    re.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                re.append(c == '*' ? "[^/]*" : "[^/]");
                while (c == '*' && i + 1 < segment.length() && segment.charAt(i + 1) == '*') {
                    i++; // "a**b" inside a segment is the same as "a*b"
                }
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            re.append(Pattern.quote(literal.toString()));
        }
    }

    /** Appends the class starting at {@code segment[open]} ('['); returns the index of its ']'. */
    private static int appendClass(StringBuilder re, String segment, int open) {
        int i = open + 1;
        boolean negated = i < segment.length() && segment.charAt(i) == '^';
        if (negated) {
            i++;
        }
        var members = new StringBuilder();
        while (i >= segment.length() || segment.charAt(i) != ']' || members.isEmpty()) {
            if (i >= segment.length()) {
                throw new IllegalArgumentException("'[' without a closing ']'");
            }
            char low = classCharacter(segment, i);
            i += segment.charAt(i) == '\\' ? 2 : 1;
            members.append(literalInClass(low));
            if (i + 1 < segment.length() && segment.charAt(i) == '-' && segment.charAt(i + 1) != ']') {
                char high = classCharacter(segment, i + 1);
                i += segment.charAt(i + 1) == '\\' ? 3 : 2;
                if (high < low) {
                    throw new IllegalArgumentException("the range " + low + "-" + high + " is backwards");
                }
                members.append('-').append(literalInClass(high));
            }
        }
        re.append(negated ? "[^/" : "[").append(members).append(']');
        return i;
    }

    private static char classCharacter(String segment, int i) {
        if (segment.charAt(i) != '\\') {
            return segment.charAt(i);
        }
        if (i + 1 >= segment.length()) {
            throw new IllegalArgumentException("'\\' at the end escapes nothing");
        }
        return segment.charAt(i + 1);
    }

    private static String literalInClass(char c) {
        return String.format("\\x{%x}", (int) c);
    }
}
