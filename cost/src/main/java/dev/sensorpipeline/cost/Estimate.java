package dev.sensorpipeline.cost;

import java.util.List;

/**
 * A design's monthly bill, line by line, and what else the model found on the way.
 *
 * @param design the design priced
 * @param lines  the bill's lines, in the order they are printed
 * @param notes  remarks that cost nothing but matter: a shard the function cannot keep up with, the item collection
 */
public record Estimate(Design design, List<Line> lines, List<String> notes) {

    /**
     * One line of the bill.
     *
     * @param item     what is charged, e.g. {@code kinesis shard-hours}
     * @param quantity how much of it a month, in words and numbers
     * @param usd      what it costs a month
     */
    public record Line(String item, String quantity, double usd) {
    }

    public Estimate {
        lines = List.copyOf(lines);
        notes = List.copyOf(notes);
    }

    public double total() {
        return lines.stream().mapToDouble(Line::usd).sum();
    }

    /** The line of that item; the model always makes every item. */
    public Line line(String item) {
        return lines.stream().filter(line -> line.item().equals(item)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no line " + item));
    }
}
