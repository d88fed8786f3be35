package dev.sensorpipeline.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReadingCodecTest {

    private final ReadingCodec codec = new ReadingCodec();

    private DecodeResult decode(String json) {
        return codec.decode(json.getBytes(StandardCharsets.UTF_8));
    }

    private String reasonFor(String json) {
        DecodeResult result = decode(json);
        assertThat(result).isInstanceOf(DecodeResult.Rejected.class);
        return ((DecodeResult.Rejected) result).reason();
    }

    private SensorReading readingOf(String json) {
        DecodeResult result = decode(json);
        assertThat(result).isInstanceOf(DecodeResult.Decoded.class);
        return ((DecodeResult.Decoded) result).reading();
    }

    @Test
    void decode_readsTheBooksPayload_withItsTrailingNewline() {
        // given the data of the book's test payload
        String data = "{\"sensor_id\":\"sensor-1\",\"current_time\":123456789,\"temperature\":99.9}\n";

        // when
        SensorReading reading = readingOf(data);

        // then
        assertThat(reading).isEqualTo(SensorReading.of("sensor-1", 123456789L, new BigDecimal("99.9")));
    }

    @Test
    void decode_keepsNumbersExactlyAsWritten() {
        // given numbers no double holds exactly
        String data = "{\"sensor_id\":\"s\",\"current_time\":1,\"temperature\":73.20000000000000000001,"
                + "\"humidity\":41.50}";

        // when
        SensorReading reading = readingOf(data);

        // then
        assertThat(reading.temperature().toString()).isEqualTo("73.20000000000000000001");
        assertThat(reading.humidity().toString()).isEqualTo("41.50");
    }

    @Test
    void decode_ignoresUnknownFields_ofAnyShape() {
        // given
        String data = " {\"firmware\":{\"v\":[1,2,{\"x\":null}]},\"sensor_id\":\"s\",\"current_time\":5,"
                + "\"temperature\":-3,\"battery\":\"low\"} \r\n";

        // when
        SensorReading reading = readingOf(data);

        // then
        assertThat(reading).isEqualTo(SensorReading.of("s", 5, new BigDecimal("-3")));
    }

    @Test
    void decode_treatsNullHumidityAsAbsent() {
        assertThat(readingOf("{\"sensor_id\":\"s\",\"current_time\":5,\"temperature\":1,\"humidity\":null}")
                .humidityIfPresent()).isEmpty();
    }

    @Test
    void decode_readsFromADirectBuffer_withoutMovingItsPosition() {
        // given
        byte[] bytes = "{\"sensor_id\":\"s\",\"current_time\":5,\"temperature\":1}".getBytes(StandardCharsets.UTF_8);
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();

        // when
        DecodeResult result = codec.decode(direct);

        // then
        assertThat(result).isInstanceOf(DecodeResult.Decoded.class);
        assertThat(direct.position()).isZero();
    }

    @Test
    void decode_readsOnlyTheBufferWindow_ofAnArrayBackedSlice() {
        // given a slice in the middle of a larger array
        byte[] bytes = "xx{\"sensor_id\":\"s\",\"current_time\":5,\"temperature\":1}yy".getBytes(StandardCharsets.UTF_8);
        ByteBuffer slice = ByteBuffer.wrap(bytes, 2, bytes.length - 4).slice();

        // when / then
        assertThat(codec.decode(slice)).isInstanceOf(DecodeResult.Decoded.class);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "''                                                                   | record is empty",
        "'   '                                                                | only whitespace",
        "not json                                                             | not valid JSON",
        "{\"sensor_id\":\"s\"                                                 | not valid JSON",
        "[1,2]                                                                | is a JSON array; expected a JSON object",
        "42                                                                   | is an integer; expected a JSON object",
        "{\"sensor_id\":\"s\",\"current_time\":1,\"temperature\":1}{}         | more content after its JSON object",
        "{\"current_time\":1,\"temperature\":1}                               | missing required field sensor_id",
        "{\"sensor_id\":\"s\"}                                                | missing required fields current_time, temperature",
        "{\"sensor_id\":7,\"current_time\":1,\"temperature\":1}               | sensor_id must be a string, not an integer",
        "{\"sensor_id\":null,\"current_time\":1,\"temperature\":1}            | sensor_id is null",
        "{\"sensor_id\":\"\",\"current_time\":1,\"temperature\":1}            | sensor_id is empty",
        "{\"sensor_id\":\"s\",\"current_time\":\"1\",\"temperature\":1}       | current_time must be an integer (Unix time in seconds), not a string",
        "{\"sensor_id\":\"s\",\"current_time\":1.5,\"temperature\":1}         | current_time 1.5 is not a whole number",
        "{\"sensor_id\":\"s\",\"current_time\":-5,\"temperature\":1}          | current_time -5 is negative",
        "{\"sensor_id\":\"s\",\"current_time\":99999999999999999999,\"temperature\":1} | current_time 99999999999999999999 is too large",
        "{\"sensor_id\":\"s\",\"current_time\":1,\"temperature\":\"hot\"}     | temperature must be a number, not a string",
        "{\"sensor_id\":\"s\",\"current_time\":1,\"temperature\":null}        | temperature is null",
        "{\"sensor_id\":\"s\",\"current_time\":1,\"temperature\":true}        | temperature must be a number, not a boolean",
        "{\"sensor_id\":\"s\",\"current_time\":1,\"temperature\":NaN}         | temperature is NaN; it must be a finite number",
        "{\"sensor_id\":\"s\",\"current_time\":1,\"temperature\":-Infinity}   | temperature is -Infinity; it must be a finite number",
        "{\"sensor_id\":\"s\",\"current_time\":1,\"temperature\":1e400}       | outside DynamoDB's number range",
        "{\"sensor_id\":\"s\",\"current_time\":1,\"temperature\":1e-131}      | outside DynamoDB's number range",
        "{\"sensor_id\":\"s\",\"current_time\":1,\"temperature\":1.234567890123456789012345678901234567891} | has 40 significant digits",
        "{\"sensor_id\":\"s\",\"current_time\":1,\"temperature\":1,\"humidity\":100.5} | humidity 100.5 is outside 0..100",
        "{\"sensor_id\":\"s\",\"current_time\":1,\"temperature\":1,\"humidity\":-1}    | humidity -1 is outside 0..100",
        "{\"sensor_id\":\"s\",\"current_time\":1,\"temperature\":1,\"humidity\":\"41\"} | humidity must be a number from 0 to 100, not a string",
        "{\"sensor_id\":\"s\",\"current_time\":1,\"temperature\":1,\"temperature\":2}  | field temperature appears more than once",
    })
    void decode_rejectsWithAReasonNamingTheProblem(String data, String expectedReason) {
        assertThat(reasonFor(data)).contains(expectedReason);
    }

    @Test
    void decode_acceptsTheExtremesOfDynamoDbsNumberRange() {
        assertThat(readingOf("{\"sensor_id\":\"s\",\"current_time\":0,\"temperature\":9.9999999999999999999999999999999999999E+125}")
                .temperature()).isEqualByComparingTo("9.9999999999999999999999999999999999999E+125");
        assertThat(readingOf("{\"sensor_id\":\"s\",\"current_time\":0,\"temperature\":-1E-130}")
                .temperature()).isEqualByComparingTo("-1E-130");
        assertThat(readingOf("{\"sensor_id\":\"s\",\"current_time\":0,\"temperature\":0.000}")
                .temperature()).isZero();
    }

    @Test
    void decode_rejectsASensorIdLongerThanDynamoDbsKeyLimit_countingUtf8Bytes() {
        // given 683 three-byte characters: 2049 bytes, though only 683 chars
        String id = "\u20ac".repeat(683);

        // when
        String reason = reasonFor("{\"sensor_id\":\"" + id + "\",\"current_time\":1,\"temperature\":1}");

        // then
        assertThat(reason).contains("sensor_id is 2049 bytes long; DynamoDB allows at most 2048 bytes");
    }

    @Test
    void decode_acceptsASensorIdOfExactlyTheKeyLimit() {
        String id = "a".repeat(2048);
        assertThat(readingOf("{\"sensor_id\":\"" + id + "\",\"current_time\":1,\"temperature\":1}").sensorId())
                .hasSize(2048);
    }

    @Test
    void decode_rejectsBytesThatAreNotUtf8_namingTheOffset() {
        // given a Latin-1 degree sign inside a string
        byte[] data = "{\"sensor_id\":\"s\u00b0\",\"current_time\":1,\"temperature\":1}".getBytes(StandardCharsets.ISO_8859_1);

        // when
        DecodeResult result = codec.decode(data);

        // then
        assertThat(((DecodeResult.Rejected) result).reason()).isEqualTo("record is not valid UTF-8 (byte 0xB0 at offset 15)");
    }

    @Test
    void decode_rejectsARecordLargerThanAnyReading() {
        // given
        byte[] data = new byte[ReadingLimits.MAX_RECORD_BYTES + 1];
        java.util.Arrays.fill(data, (byte) ' ');

        // when / then
        assertThat(((DecodeResult.Rejected) codec.decode(data)).reason()).contains("a reading is at most 65536 bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"73.2", "-40", "0", "1E+2", "0.000001", "12345678901234567890123456789012345678"})
    void encode_thenDecode_givesTheSameReading(String temperature) {
        // given
        SensorReading reading = new SensorReading("sensor-\"7\"\n", 1764400000L, new BigDecimal(temperature),
                new BigDecimal("41.5"));

        // when
        DecodeResult decoded = codec.decode(codec.encode(reading));

        // then
        assertThat(decoded).isEqualTo(new DecodeResult.Decoded(reading));
    }

    @Test
    void encode_writesTheBooksFieldNames_andLeavesAbsentHumidityOut() {
        assertThat(codec.encodeToString(SensorReading.of("sensor-1", 123456789L, new BigDecimal("99.9"))))
                .isEqualTo("{\"sensor_id\":\"sensor-1\",\"current_time\":123456789,\"temperature\":99.9}");
    }
}
