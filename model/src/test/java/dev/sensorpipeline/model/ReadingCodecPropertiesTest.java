package dev.sensorpipeline.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Whatever arrives on the stream, the decoder answers with a reading or a reason; it never throws. */
class ReadingCodecPropertiesTest {

    private final ReadingCodec codec = new ReadingCodec();

    @Property(tries = 2000)
    void decode_answersEveryByteStringWithAReadingOrAReason(@ForAll @Size(max = 300) byte[] data) {
        assertAnswered(codec.decode(data));
    }

    @Property(tries = 2000)
    void decode_answersEveryTextWithAReadingOrAReason(@ForAll @Size(max = 200) String text) {
        assertAnswered(codec.decode(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Property(tries = 2000)
    void decode_answersReadingShapedJsonWithAnyValuesWithAReadingOrAReason(
            @ForAll("jsonValues") String sensorId, @ForAll("jsonValues") String currentTime,
            @ForAll("jsonValues") String temperature, @ForAll("jsonValues") String humidity) {
        String json = "{\"sensor_id\":" + sensorId + ",\"current_time\":" + currentTime + ",\"temperature\":"
                + temperature + ",\"humidity\":" + humidity + "}";
        assertAnswered(codec.decode(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Property(tries = 3000)
    void encodeThenDecode_givesBackEveryValidReading_unchanged(@ForAll("validReadings") SensorReading reading) {
        assertThat(codec.decode(codec.encode(reading))).isEqualTo(new DecodeResult.Decoded(reading));
    }

    private static void assertAnswered(DecodeResult result) {
        assertThat(result).isNotNull();
        if (result instanceof DecodeResult.Rejected rejected) {
            assertThat(rejected.reason()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> jsonValues() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20).map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
                        .map(BigInteger::toString),
                Arbitraries.doubles().map(d -> Double.isFinite(d) ? Double.toString(d) : "NaN"),
                Arbitraries.of("null", "true", "false", "[]", "{}", "1e999", "-0", "0.0", "1E-200", "NaN",
                        "-Infinity", "[1,{\"a\":[]}]", "\"\\u0000\""),
                Arbitraries.strings().withChars("{}[]\":,0123456789.eE+-nulltrfase ").ofMaxLength(12));
    }

    @Provide
    Arbitrary<SensorReading> validReadings() {
        Arbitrary<String> sensorIds = Arbitraries.strings().ofMinLength(1).ofMaxLength(64)
                .filter(s -> s.codePoints().noneMatch(c -> c >= 0xD800 && c <= 0xDFFF));
        Arbitrary<Long> times = Arbitraries.longs().between(0, Long.MAX_VALUE);
        Arbitrary<BigDecimal> temperatures = dynamoDbNumbers();
        Arbitrary<BigDecimal> humidities = Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.valueOf(100))
                .ofScale(3).injectNull(0.3);
        return Combinators.combine(sensorIds, times, temperatures, humidities).as(SensorReading::new);
    }

    /** Numbers DynamoDB stores as they are: up to 38 significant digits, magnitudes 1E-130 to below 1E+126. */
    private static Arbitrary<BigDecimal> dynamoDbNumbers() {
        Arbitrary<BigInteger> unscaled = Arbitraries.bigIntegers()
                .between(BigInteger.TEN.pow(38).negate().add(BigInteger.ONE), BigInteger.TEN.pow(38).subtract(BigInteger.ONE));
        Arbitrary<Integer> scales = Arbitraries.integers().between(-87, 130);
        return Combinators.combine(unscaled, scales).as(BigDecimal::new)
                .filter(n -> ReadingLimits.dynamoDbNumberProblem("n", n).isEmpty());
    }
}
