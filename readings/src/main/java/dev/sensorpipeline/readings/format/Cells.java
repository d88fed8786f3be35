package dev.sensorpipeline.readings.format;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The pieces the writers share: exact numbers, CSV quoting, aligned tables. */
final class Cells {

    private Cells() {
    }

    /** A number exactly as stored, without an exponent; empty for none. */
    static String number(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    /** A Unix time in UTC, ISO-8601. */
    static String utc(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond).toString();
    }

    /** A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180's
     * quoting; lines end in the platform's line separator, as the other formats' do). */
    static String csv(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    static void csvLine(PrintWriter out, List<String> fields) {
        List<String> quoted = new ArrayList<>(fields.size());
        for (String field : fields) {
            quoted.add(csv(field));
        }
        out.println(String.join(",", quoted));
    }

    /** Rows under a header, each column as wide as its widest cell, numbers to the right. */
    static void table(PrintWriter out, List<String> header, List<List<String>> rows, boolean[] rightAligned) {
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = header.get(c).length();
        }
        for (List<String> row : rows) {
            for (int c = 0; c < widths.length; c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        line(out, header, widths, rightAligned);
        for (List<String> row : rows) {
            line(out, row, widths, rightAligned);
        }
    }

    private static void line(PrintWriter out, List<String> cells, int[] widths, boolean[] rightAligned) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            if (c > 0) {
                line.append("  ");
            }
            String cell = cells.get(c).replace('\n', ' ').replace('\r', ' ');
            String pad = " ".repeat(widths[c] - cell.length());
            line.append(rightAligned[c] ? pad + cell : cell + pad);
        }
        out.println(line.toString().stripTrailing());
    }
}
