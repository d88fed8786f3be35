package dev.sensorpipeline.readings.chart;

/**
 * JSON made safe to sit inside a {@code <script>} element of an HTML page: {@code <}, {@code >} and {@code &}
 * become {@code \u003c}, {@code \u003e}, {@code \u0026}, so no {@code </script>} or {@code <!--} can end or bend
 * the element whatever a sensor id holds; U+2028 and U+2029 become escapes too, as old JavaScript parsers took
 * them for line ends. Those characters can only occur inside JSON strings, where the escapes mean the same.
 */
public final class ScriptEmbedding {

    private ScriptEmbedding() {
    }

    /** {@code json} with the characters above escaped; the JSON value is unchanged. */
    public static String escape(String json) {
        StringBuilder out = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
