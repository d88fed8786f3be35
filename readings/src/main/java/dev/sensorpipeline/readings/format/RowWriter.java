package dev.sensorpipeline.readings.format;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes rows in each format the same way: CSV as a header and a quoted line a row, JSON as an object a line, a
 * table aligned under its header. A subclass says what a row's cells and its JSON are.
 */
public abstract class RowWriter<T> {

    private final List<String> csvHeader;

    /** @param csvHeader the CSV header, also the JSON objects' field names */
    RowWriter(List<String> csvHeader) {
        this.csvHeader = List.copyOf(csvHeader);
    }

    abstract List<String> csvCells(T row);

    abstract String json(T row);

    /** The table's columns: the CSV's, with a readable UTC time after the second (a Unix time). */
    private List<String> tableHeader() {
        List<String> header = new ArrayList<>(csvHeader);
        header.add(2, "utc");
        return header;
    }

    private List<String> tableCells(T row) {
        List<String> cells = new ArrayList<>(csvCells(row));
        cells.add(2, Cells.utc(Long.parseLong(cells.get(1))));
        return cells;
    }

    /** Writes {@code rows} in {@code format} to {@code out}. */
    public final void write(List<T> rows, Format format, PrintWriter out) {
        switch (format) {
            case CSV -> {
                Cells.csvLine(out, csvHeader);
                rows.forEach(row -> Cells.csvLine(out, csvCells(row)));
            }
            case JSON -> rows.forEach(row -> out.println(json(row)));
            case TABLE -> {
                List<String> header = tableHeader();
                boolean[] right = new boolean[header.size()];
                for (int c = 0; c < right.length; c++) {
                    // Numbers to the right; the sensor id and the UTC time to the left.
                    right[c] = c != 0 && c != 2;
                }
                Cells.table(out, header, rows.stream().map(this::tableCells).toList(), right);
            }
            default -> throw new IllegalArgumentException("no writer for " + format);
        }
        out.flush();
    }
}
