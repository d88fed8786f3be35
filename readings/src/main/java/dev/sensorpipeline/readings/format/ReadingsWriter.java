package dev.sensorpipeline.readings.format;

import dev.sensorpipeline.model.ReadingCodec;
import dev.sensorpipeline.model.SensorReading;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints readings: CSV with the header {@code sensor_id,current_time,temperature,humidity} (humidity empty when
 * absent), JSON lines in the wire format (the shared codec's), or a table. Numbers exactly as stored.
 */
public final class ReadingsWriter {

    public static final List<String> CSV_HEADER = List.of(ReadingCodec.SENSOR_ID, ReadingCodec.CURRENT_TIME,
            ReadingCodec.TEMPERATURE, ReadingCodec.HUMIDITY);

    private final ReadingCodec codec = new ReadingCodec();

    /** Writes {@code readings} in {@code format} to {@code out}. */
    public void write(List<SensorReading> readings, Format format, PrintWriter out) {
        switch (format) {
            case CSV -> {
                Cells.csvLine(out, CSV_HEADER);
                for (SensorReading r : readings) {
                    Cells.csvLine(out, List.of(r.sensorId(), Long.toString(r.currentTime()),
                            Cells.number(r.temperature()), Cells.number(r.humidity())));
                }
            }
            case JSON -> {
                for (SensorReading r : readings) {
                    out.println(codec.encodeToString(r));
                }
            }
            case TABLE -> {
                List<List<String>> rows = new ArrayList<>(readings.size());
                for (SensorReading r : readings) {
                    rows.add(List.of(r.sensorId(), Long.toString(r.currentTime()), Cells.utc(r.currentTime()),
                            Cells.number(r.temperature()), Cells.number(r.humidity())));
                }
                Cells.table(out, List.of("sensor_id", "current_time", "utc", "temperature", "humidity"), rows,
                        new boolean[] {false, true, false, true, true});
            }
            default -> throw new IllegalArgumentException("no writer for " + format);
        }
        out.flush();
    }
}
