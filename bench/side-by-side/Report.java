import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Turns the hyperfine CSV exports of bench/side-by-side/run.sh into results.md (medians, ratios to turbo and
 * nx) and time-vs-size.png (median time against workspace size, one panel per case, one line per tool).
 * JDK only, run as a source file: java Report.java OUT_DIR SIZE...
 */
public class Report {
    static final List<String> CASES = List.of("warm", "edit-leaf", "edit-root", "cold", "status");
    static final Map<String, String> TITLES = Map.of("warm", "warm run, every task cached",
            "edit-leaf", "one file edited in a leaf package", "edit-root", "one file edited in the root package",
            "cold", "cold run (no cache, no daemon)", "status", "status on a warm daemon (turbo: --dry-run=json)");
    static final List<String> TOOLS = List.of("same", "same-no-daemon", "turbo", "nx-daemon", "nx-no-daemon");
    static final Color[] COLOURS = {new Color(0xD62728), new Color(0xFF9896), new Color(0x1F77B4),
            new Color(0x2CA02C), new Color(0x98DF8A)};

    /** case -> size -> tool -> median seconds */
    static final Map<String, Map<Integer, Map<String, Double>>> MEDIANS = new LinkedHashMap<>();

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        List<Integer> sizes = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            sizes.add(Integer.parseInt(args[i]));
        }
        for (String name : CASES) {
            for (int size : sizes) {
                Path csv = out.resolve(Integer.toString(size)).resolve(name + ".csv");
                if (Files.exists(csv)) {
                    MEDIANS.computeIfAbsent(name, k -> new LinkedHashMap<>()).put(size, medians(csv));
                }
            }
        }
        Files.writeString(out.resolve("results.md"), markdown(out, sizes));
        plot(out.resolve("time-vs-size.png"), sizes);
    }

    /** hyperfine CSV: command,mean,stddev,median,user,system,min,max[,parameters] */
    static Map<String, Double> medians(Path csv) throws IOException {
        Map<String, Double> medians = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            medians.put(cells[0], Double.parseDouble(cells[3]));
        }
        return medians;
    }

    static String markdown(Path out, List<Integer> sizes) throws IOException {
        StringBuilder md = new StringBuilder();
        Path machine = out.resolve("machine.txt");
        if (Files.exists(machine)) {
            md.append("```\n").append(Files.readString(machine)).append("```\n\n");
        }
        md.append("Medians of one run (ms). Ratios below 1.0 mean same is faster.\n");
        for (String name : CASES) {
            Map<Integer, Map<String, Double>> bySize = MEDIANS.get(name);
            if (bySize == null) {
                continue;
            }
            md.append("\n### ").append(TITLES.get(name)).append("\n\n| packages |");
            List<String> tools = TOOLS.stream().filter(t -> bySize.values().stream().anyMatch(m -> m.containsKey(t)))
                    .toList();
            tools.forEach(t -> md.append(' ').append(t).append(" |"));
            md.append(" same / turbo | same / nx (daemon) | same / nx (no daemon) | same / same --no-daemon |\n|---|");
            md.append("---:|".repeat(tools.size() + 4)).append('\n');
            for (int size : sizes) {
                Map<String, Double> m = bySize.get(size);
                if (m == null) {
                    continue;
                }
                md.append("| ").append(size).append(" |");
                tools.forEach(t -> md.append(' ').append(ms(m.get(t))).append(" |"));
                md.append(' ').append(ratio(m, "turbo")).append(" | ").append(ratio(m, "nx-daemon")).append(" | ")
                        .append(ratio(m, "nx-no-daemon")).append(" | ").append(ratio(m, "same-no-daemon"))
                        .append(" |\n");
            }
        }
        return md.toString();
    }

    static String ms(Double seconds) {
        return seconds == null ? "–" : String.format(Locale.ROOT, "%.0f", seconds * 1000);
    }

    static String ratio(Map<String, Double> m, String other) {
        Double same = m.get("same");
        Double them = m.get(other);
        return same == null || them == null ? "–" : String.format(Locale.ROOT, "%.2fx", same / them);
    }

    static void plot(Path png, List<Integer> sizes) throws IOException {
        List<String> cases = CASES.stream().filter(MEDIANS::containsKey).toList();
        int panelW = 520;
        int panelH = 360;
        int columns = Math.min(3, Math.max(1, cases.size()));
        int rows = (cases.size() + columns - 1) / columns;
        BufferedImage image = new BufferedImage(panelW * columns, panelH * rows + 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int i = 0; i < cases.size(); i++) {
            panel(g, cases.get(i), sizes, (i % columns) * panelW, (i / columns) * panelH, panelW, panelH);
        }
        int x = 20;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        for (int t = 0; t < TOOLS.size(); t++) {
            g.setColor(COLOURS[t]);
            g.fillRect(x, panelH * rows + 14, 24, 6);
            g.setColor(Color.BLACK);
            g.drawString(TOOLS.get(t), x + 30, panelH * rows + 22);
            x += 40 + g.getFontMetrics().stringWidth(TOOLS.get(t)) + 20;
        }
        ImageIO.write(image, "png", png.toFile());
    }

    /** One case: log-scaled median time against log-scaled size. */
    static void panel(Graphics2D g, String name, List<Integer> sizes, int x0, int y0, int w, int h) {
        int left = x0 + 60;
        int right = x0 + w - 20;
        int top = y0 + 40;
        int bottom = y0 + h - 40;
        Map<Integer, Map<String, Double>> bySize = MEDIANS.get(name);
        double min = Double.MAX_VALUE;
        double max = 0;
        for (Map<String, Double> m : bySize.values()) {
            for (double v : m.values()) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        double lo = Math.log10(min) - 0.1;
        double hi = Math.log10(max) + 0.1;
        double sLo = Math.log10(sizes.getFirst()) - 0.1;
        double sHi = Math.log10(sizes.getLast()) + 0.1;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(TITLES.get(name), x0 + 20, y0 + 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawLine(left, bottom, right, bottom);
        g.drawLine(left, top, left, bottom);
        for (double decade = Math.floor(lo); decade <= hi; decade += 0.5) {
            if (decade < lo) {
                continue;
            }
            int y = (int) (bottom - (decade - lo) / (hi - lo) * (bottom - top));
            g.setColor(new Color(0xDDDDDD));
            g.drawLine(left, y, right, y);
            g.setColor(Color.DARK_GRAY);
            double seconds = Math.pow(10, decade);
            g.drawString(seconds < 1 ? String.format(Locale.ROOT, "%.0f ms", seconds * 1000)
                    : String.format(Locale.ROOT, "%.1f s", seconds), x0 + 6, y + 4);
        }
        for (int size : sizes) {
            int x = (int) (left + (Math.log10(size) - sLo) / (sHi - sLo) * (right - left));
            g.setColor(Color.DARK_GRAY);
            g.drawString(size + " pkgs", x - 18, bottom + 16);
        }
        g.setStroke(new BasicStroke(2.2f));
        for (int t = 0; t < TOOLS.size(); t++) {
            int px = -1;
            int py = -1;
            for (int size : sizes) {
                Double v = bySize.getOrDefault(size, Map.of()).get(TOOLS.get(t));
                if (v == null) {
                    continue;
                }
                int x = (int) (left + (Math.log10(size) - sLo) / (sHi - sLo) * (right - left));
                int y = (int) (bottom - (Math.log10(v) - lo) / (hi - lo) * (bottom - top));
                g.setColor(COLOURS[t]);
                g.fillOval(x - 4, y - 4, 8, 8);
                if (px >= 0) {
                    g.drawLine(px, py, x, y);
                }
                px = x;
                py = y;
            }
        }
        g.setStroke(new BasicStroke(1f));
    }
}
