package dev.sensorpipeline.readings.format;

import dev.sensorpipeline.model.ReadingCodec;
import dev.sensorpipeline.model.SensorReading;
import java.util.List;

/**
 * Prints readings: CSV with the header {@code sensor_id,current_time,temperature,humidity} (humidity empty when
 * absent), JSON lines in the wire format (the shared codec's), or a table. Numbers exactly as stored.
 */
public final class ReadingsWriter extends RowWriter<SensorReading> {

    public static final List<String> CSV_HEADER = List.of(ReadingCodec.SENSOR_ID, ReadingCodec.CURRENT_TIME,
            ReadingCodec.TEMPERATURE, ReadingCodec.HUMIDITY);

    private final ReadingCodec codec = new ReadingCodec();

    public ReadingsWriter() {
        super(CSV_HEADER);
    }

    @Override
    List<String> csvCells(SensorReading r) {
        return List.of(r.sensorId(), Long.toString(r.currentTime()), Cells.number(r.temperature()),
                Cells.number(r.humidity()));
    }

    @Override
    String json(SensorReading r) {
        return codec.encodeToString(r);
    }
}
