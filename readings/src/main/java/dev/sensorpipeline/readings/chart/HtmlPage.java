package dev.sensorpipeline.readings.chart;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/**
 * The chart as one self-contained HTML page: uPlot's script and style inlined from its WebJar, the page's own
 * script and style beside them, the data in a JSON block escaped for the page ({@link ScriptEmbedding}), and a
 * Content-Security-Policy that lets only those inline scripts and styles run (by their SHA-256) and loads nothing
 * from anywhere. The page sets {@code window.chartReady = true} once the chart has drawn.
 */
public final class HtmlPage {

    static final String UPLOT_VERSION = "1.6.30";
    private static final String UPLOT_DIST = "META-INF/resources/webjars/uplot/" + UPLOT_VERSION + "/dist/";
    private static final String OWN = "dev/sensorpipeline/readings/chart/";

    private final String uplotScript;
    private final String uplotStyle;
    private final String pageScript;
    private final String pageStyle;

    private HtmlPage(String uplotScript, String uplotStyle, String pageScript, String pageStyle) {
        this.uplotScript = inlineable(uplotScript, "uPlot.iife.min.js");
        this.uplotStyle = inlineable(uplotStyle, "uPlot.min.css");
        this.pageScript = inlineable(pageScript, "chart-page.js");
        this.pageStyle = inlineable(pageStyle, "chart-page.css");
    }

    /** The page maker, with uPlot and the page's script read from the class path. */
    public static HtmlPage fromClassPath() {
        return new HtmlPage(resource(UPLOT_DIST + "uPlot.iife.min.js"), resource(UPLOT_DIST + "uPlot.min.css"),
                resource(OWN + "chart-page.js"), resource(OWN + "chart-page.css"));
    }

    /** The page of {@code chart}. */
    public String render(Chart chart) {
        String data = ScriptEmbedding.escape(PageData.json(chart));
        String csp = "default-src 'none'; script-src " + hash(uplotScript) + " " + hash(pageScript)
                + "; style-src " + hash(uplotStyle) + " " + hash(pageStyle)
                + "; img-src data:; base-uri 'none'; form-action 'none'";
        return "<!DOCTYPE html>\n"
                + "<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"" + csp + "\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escapeText(chart.title()) + "</title>\n"
                + "<style>" + uplotStyle + "</style>\n"
                + "<style>" + pageStyle + "</style>\n"
                + "</head>\n<body>\n"
                + "<h1 id=\"title\"></h1>\n"
                + "<p id=\"caption\"></p>\n"
                + "<div id=\"chart\"></div>\n"
                + "<table id=\"summary\"><thead><tr><th>sensor</th><th>readings</th><th>min</th><th>max</th>"
                + "<th>mean</th><th>last</th><th>last at</th></tr></thead><tbody></tbody></table>\n"
                + "<script type=\"application/json\" id=\"chart-data\">" + data + "</script>\n"
                + "<script>" + uplotScript + "</script>\n"
                + "<script>" + pageScript + "</script>\n"
                + "</body>\n</html>\n";
    }

    /** CSP's source expression for an inline element's exact text. */
    static String hash(String inline) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(inline.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String escapeText(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Text that can sit in a script or style element as it is: it must not close the element. */
    private static String inlineable(String text, String name) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("</script") || lower.contains("</style") || lower.contains("<!--")) {
            throw new IllegalStateException(name + " holds a closing tag or a comment opener and cannot be inlined");
        }
        return text;
    }

    private static String resource(String path) {
        try (InputStream in = HtmlPage.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the class path: the jar is incomplete");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " from the class path", e);
        }
    }
}
