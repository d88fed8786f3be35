package dev.sensorpipeline.readings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sensorpipeline.model.SensorReading;
import dev.sensorpipeline.testkit.ProjectFiles;
import dev.sensorpipeline.testkit.SensorTablesOnMoto;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The read side against moto, its tables made from infra/: readings written straight into SensorData (one sensor
 * padded so that its readings fill several of DynamoDB's 1 MB pages), read back through the command as a user
 * runs it and checked value for value against what was written, or against an independent sort or computation.
 */
class ReadingsIT {

    @RegisterExtension
    static final SensorTablesOnMoto TABLES = new SensorTablesOnMoto();

    /** 240 readings 37 s apart from an instant on no bucket's boundary, each item padded to about 16 kB. */
    private static final List<SensorReading> BIG = StoredReadings.series("sensor-big", 240, 1_764_400_013L, 37, 7,
            true);
    /** 30 readings a minute and a second apart, none with humidity, items unpadded. */
    private static final List<SensorReading> SMALL = StoredReadings.series("sensor-small", 30, 1_764_400_100L, 61,
            11, false);
    private static final int PAD_BYTES = 16_000;
    private static final String CSV_HEADER = "sensor_id,current_time,temperature,humidity";
    private static final String STATS_HEADER = "sensor_id,bucket_start,count,temperature_min,temperature_max,"
            + "temperature_mean,humidity_min,humidity_max,humidity_mean";
    private static final Path OUT = ProjectFiles.resolve("readings/target/readings-it");

    private ReadingsRunner readings;

    @BeforeEach
    void writeReadings() throws IOException {
        StoredReadings.write(TABLES.dynamoDb(), BIG, PAD_BYTES);
        StoredReadings.write(TABLES.dynamoDb(), SMALL, 0);
        readings = new ReadingsRunner(TABLES.endpoint());
        Files.createDirectories(OUT);
    }

    @Test
    void range_printsEveryStoredReadingOldestFirst_acrossSeveralPages_inCsv() {
        // given a sensor whose readings take several 1 MB pages of a plain Query
        assertThat(pagesOfAPlainQuery("sensor-big")).isGreaterThanOrEqualTo(3);

        // when
        ReadingsRunner.Result result = readings.run("range", "sensor-big", "--format", "csv");

        // then
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.outLines()).containsExactlyElementsOf(csv(BIG));
    }

    @Test
    void range_withBothBounds_printsExactlyTheReadingsBetweenThem_inJson() throws IOException {
        // given bounds on two readings' own times, inclusive: one ISO-8601 with an offset, one Unix seconds
        SensorReading first = BIG.get(50);
        SensorReading last = BIG.get(180);
        String from = Instant.ofEpochSecond(first.currentTime()).atOffset(java.time.ZoneOffset.ofHours(2)).toString();

        // when
        ReadingsRunner.Result result = readings.run("range", "sensor-big", "--from", from, "--to",
                Long.toString(last.currentTime()), "--format", "json");

        // then
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(fromJsonLines(result.out())).containsExactlyElementsOf(BIG.subList(50, 181));
    }

    @Test
    void range_inTable_showsEveryReadingsValuesAndItsUtcTime() {
        // given the readings of sensor-small; when
        ReadingsRunner.Result result = readings.run("range", "sensor-small");

        // then
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.outLines();
        assertThat(lines.get(0).split("\\s+")).containsExactly("sensor_id", "current_time", "utc", "temperature",
                "humidity");
        List<List<String>> expected = SMALL.stream().map(r -> List.of(r.sensorId(), Long.toString(r.currentTime()),
                Instant.ofEpochSecond(r.currentTime()).toString(), r.temperature().toPlainString())).toList();
        assertThat(lines.subList(1, lines.size()).stream().map(l -> List.of(l.strip().split("\\s+"))).toList())
                .containsExactlyElementsOf(expected);
    }

    @Test
    void range_throughTheJar_readsTheTableTheEnvironmentNames() {
        // given the jar, configured only by the environment (AWS_ENDPOINT_URL, AWS_REGION, TABLE_NAME)
        // when
        ReadingsRunner.Result result = readings.jar(Map.of("TABLE_NAME", "SensorData"), "range", "sensor-big",
                "--format", "csv");

        // then
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.outLines()).containsExactlyElementsOf(csv(BIG));
    }

    @Test
    void hottest_andColdest_matchAnIndependentSortOfTheStoredReadings() {
        // given every reading of sensor-big, sorted here by temperature
        List<SensorReading> hottestFirst = BIG.stream()
                .sorted(Comparator.comparing(SensorReading::temperature).reversed()).toList();
        List<SensorReading> coldestFirst = BIG.stream().sorted(Comparator.comparing(SensorReading::temperature))
                .toList();

        // when
        ReadingsRunner.Result hottest = readings.run("hottest", "sensor-big", "-n", "15", "--format", "csv");
        ReadingsRunner.Result coldest = readings.run("hottest", "sensor-big", "-n", "15", "--coldest", "--format",
                "csv");

        // then
        assertThat(hottest.exitCode()).as(hottest.err()).isZero();
        assertThat(hottest.outLines()).containsExactlyElementsOf(csv(hottestFirst.subList(0, 15)));
        assertThat(coldest.exitCode()).as(coldest.err()).isZero();
        assertThat(coldest.outLines()).containsExactlyElementsOf(csv(coldestFirst.subList(0, 15)));
    }

    @Test
    void hottest_andColdest_inATimeRange_matchAnIndependentSortOfTheReadingsInIt() {
        // given a range holding 91 of sensor-big's readings, whose index query takes several pages to fill N
        long from = BIG.get(60).currentTime();
        long to = BIG.get(150).currentTime();
        List<SensorReading> hottestFirst = BIG.stream().filter(r -> r.currentTime() >= from && r.currentTime() <= to)
                .sorted(Comparator.comparing(SensorReading::temperature).reversed()).toList();
        List<SensorReading> coldestFirst = BIG.stream().filter(r -> r.currentTime() >= from && r.currentTime() <= to)
                .sorted(Comparator.comparing(SensorReading::temperature)).toList();

        // when
        ReadingsRunner.Result hottest = readings.run("hottest", "sensor-big", "-n", "10", "--from",
                Long.toString(from), "--to", Long.toString(to), "--format", "csv");
        ReadingsRunner.Result coldest = readings.run("hottest", "sensor-big", "-n", "10", "--coldest", "--from",
                Long.toString(from), "--to", Long.toString(to), "--format", "csv");

        // then
        assertThat(hottest.exitCode()).as(hottest.err()).isZero();
        assertThat(hottest.outLines()).containsExactlyElementsOf(csv(hottestFirst.subList(0, 10)));
        assertThat(coldest.exitCode()).as(coldest.err()).isZero();
        assertThat(coldest.outLines()).containsExactlyElementsOf(csv(coldestFirst.subList(0, 10)));
    }

    @ParameterizedTest(name = "--bucket {0}")
    @CsvSource({"1m, 60", "5m, 300", "1h, 3600"})
    void stats_perBucket_matchesAnIndependentComputation(String bucket, long seconds) {
        // given two sensors, one of them without humidity
        // when
        ReadingsRunner.Result result = readings.run("stats", "sensor-big", "sensor-small", "--bucket", bucket,
                "--format", "csv");

        // then
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> expected = new ArrayList<>(List.of(STATS_HEADER));
        expected.addAll(expectedStats(BIG, r -> Math.floorDiv(r.currentTime(), seconds) * seconds));
        expected.addAll(expectedStats(SMALL, r -> Math.floorDiv(r.currentTime(), seconds) * seconds));
        assertThat(result.outLines()).containsExactlyElementsOf(expected);
    }

    @Test
    void stats_withoutBucket_givesOneRowPerSensor_startingAtTheRangesStart() {
        // given a lower bound for sensor-big; sensor-small's row then starts at --from too
        long from = BIG.get(20).currentTime();

        // when
        ReadingsRunner.Result result = readings.run("stats", "sensor-big", "sensor-small", "--from",
                Long.toString(from), "--format", "csv");
        ReadingsRunner.Result unbounded = readings.run("stats", "sensor-small", "--format", "csv");

        // then
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> expected = new ArrayList<>(List.of(STATS_HEADER));
        expected.addAll(expectedStats(BIG.subList(20, BIG.size()), r -> from));
        expected.addAll(expectedStats(SMALL.stream().filter(r -> r.currentTime() >= from).toList(), r -> from));
        assertThat(result.outLines()).containsExactlyElementsOf(expected);
        assertThat(unbounded.outLines()).containsExactly(STATS_HEADER,
                expectedStats(SMALL, r -> SMALL.get(0).currentTime()).get(0));
    }

    @Test
    void stats_inJson_givesTheCsvsFieldsWithExactNumbers() throws IOException {
        // given sensor-small, without humidity; when
        ReadingsRunner.Result result = readings.run("stats", "sensor-small", "--bucket", "1h", "--format", "json");

        // then
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> expected = expectedStats(SMALL, r -> Math.floorDiv(r.currentTime(), 3600) * 3600);
        List<String> actual = new ArrayList<>();
        for (String line : result.outLines()) {
            JsonNode row = json().readTree(line);
            List<String> cells = new ArrayList<>();
            for (String field : STATS_HEADER.split(",")) {
                JsonNode value = row.get(field);
                assertThat(value).as(field).isNotNull();
                cells.add(value.isNull() ? "" : value.isTextual() ? value.textValue() : value.decimalValue()
                        .toPlainString());
            }
            actual.add(String.join(",", cells));
        }
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    @Test
    void plot_writesAPage_andAPngOfAtLeast1200By600() throws IOException {
        // given
        Path page = OUT.resolve("plot.html");
        Path png = OUT.resolve("plot.png");
        Files.deleteIfExists(page);
        Files.deleteIfExists(png);

        // when
        ReadingsRunner.Result html = readings.run("plot", "sensor-big", "sensor-small", "--out", page.toString());
        ReadingsRunner.Result image = readings.run("plot", "sensor-big", "sensor-small", "--bucket", "5m", "--out",
                png.toString());

        // then
        assertThat(html.exitCode()).as(html.err()).isZero();
        assertThat(html.err()).contains("wrote " + page + ": 2 sensor(s)");
        String text = Files.readString(page);
        assertThat(text).startsWith("<!DOCTYPE html>").contains("Content-Security-Policy", "sensor-big",
                "sensor-small").doesNotContain("<link", " src=");
        assertThat(image.exitCode()).as(image.err()).isZero();
        BufferedImage drawn = ImageIO.read(png.toFile());
        assertThat(drawn).as("a PNG ImageIO reads").isNotNull();
        assertThat(drawn.getWidth()).isGreaterThanOrEqualTo(1200);
        assertThat(drawn.getHeight()).isGreaterThanOrEqualTo(600);
    }

    @Test
    void verbose_saysTheReadCapacityConsumed_overEveryPage() {
        // given a sensor whose readings take several pages
        int pages = pagesOfAPlainQuery("sensor-big");

        // when
        ReadingsRunner.Result result = readings.run("range", "sensor-big", "--format", "csv", "--verbose");

        // then
        assertThat(result.exitCode()).as(result.err()).isZero();
        Matcher line = Pattern.compile("consumed (\\d+\\.\\d) read capacity units on SensorData in (\\d+) queries")
                .matcher(result.err());
        assertThat(line.find()).as(result.err()).isTrue();
        assertThat(new BigDecimal(line.group(1))).isPositive();
        assertThat(Integer.parseInt(line.group(2))).isEqualTo(pages);
        assertThat(result.err()).doesNotContain("reported no consumed capacity");
    }

    @Test
    void aMissingTable_exits1_namingTheTableAndHowToCreateIt() {
        // given a table name the endpoint does not have, through the jar's environment; when
        ReadingsRunner.Result result = readings.jar(Map.of("TABLE_NAME", "NoSuchReadings"), "range", "sensor-big");

        // then
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("NoSuchReadings", "scripts/deploy.sh").doesNotContain("\tat ");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void anUnknownSensor_exits0_sayingItHasNoReadings() {
        // given no reading of "nobody"; when
        ReadingsRunner.Result range = readings.run("range", "nobody");
        ReadingsRunner.Result hottest = readings.run("hottest", "nobody");
        ReadingsRunner.Result stats = readings.run("stats", "nobody");

        // then
        for (ReadingsRunner.Result result : List.of(range, hottest, stats)) {
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.err()).contains("no readings of 'nobody' in SensorData");
            assertThat(result.out()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "range sensor-big --from yesterday                  | 'yesterday' is not a time",
        "range sensor-big --to 2025-13-01T00:00:00Z          | '2025-13-01T00:00:00Z' is not a time",
        "range sensor-big --from 1764400100 --to 1764400000  | is after --to",
        "stats sensor-big --bucket 7m                        | '7m' is not a bucket: use 1m, 5m, 1h, 1d",
        "plot sensor-big --out target/chart.svg              | must end in .html (a page) or .png (an image)"})
    void badArguments_exit2_withALineSayingWhatIsWrong(String args, String message) {
        // given arguments that are wrong before any query; when
        ReadingsRunner.Result result = readings.run(args.strip().split(" +"));

        // then
        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).contains(message).doesNotContain("\tat ");
        assertThat(result.out()).isEmpty();
    }

    /** How many pages a plain Query of the sensor's readings takes, asked here and not through the command. */
    private static int pagesOfAPlainQuery(String sensorId) {
        QueryRequest request = QueryRequest.builder().tableName(StoredReadings.TABLE)
                .keyConditionExpression("SensorId = :s")
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(sensorId))).build();
        return (int) TABLES.dynamoDb().queryPaginator(request).stream().count();
    }

    private static List<String> csv(List<SensorReading> readings) {
        List<String> lines = new ArrayList<>(List.of(CSV_HEADER));
        for (SensorReading r : readings) {
            lines.add(r.sensorId() + "," + r.currentTime() + "," + r.temperature().toPlainString() + ","
                    + (r.humidity() == null ? "" : r.humidity().toPlainString()));
        }
        return lines;
    }

    private static List<SensorReading> fromJsonLines(String out) throws IOException {
        List<SensorReading> parsed = new ArrayList<>();
        for (String line : out.lines().toList()) {
            JsonNode node = json().readTree(line);
            assertThat(node.fieldNames()).toIterable().isSubsetOf("sensor_id", "current_time", "temperature",
                    "humidity");
            parsed.add(new SensorReading(node.get("sensor_id").textValue(), node.get("current_time").longValue(),
                    node.get("temperature").decimalValue(),
                    node.hasNonNull("humidity") ? node.get("humidity").decimalValue() : null));
        }
        return parsed;
    }

    private static ObjectMapper json() {
        return new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    }

    /**
     * The CSV rows stats must print for one sensor's readings, worked out here: grouped by {@code bucketOf}, the
     * count, the least and greatest values, and the exact sum over the count rounded half-even to the largest scale
     * among the values plus two.
     */
    private static List<String> expectedStats(List<SensorReading> sensor, Function<SensorReading, Long> bucketOf) {
        TreeMap<Long, List<SensorReading>> buckets = new TreeMap<>();
        for (SensorReading r : sensor) {
            buckets.computeIfAbsent(bucketOf.apply(r), b -> new ArrayList<>()).add(r);
        }
        List<String> rows = new ArrayList<>();
        buckets.forEach((start, in) -> {
            List<BigDecimal> temperatures = in.stream().map(SensorReading::temperature).toList();
            List<BigDecimal> humidities = in.stream().map(SensorReading::humidity)
                    .filter(java.util.Objects::nonNull).toList();
            rows.add(in.get(0).sensorId() + "," + start + "," + in.size() + "," + summary(temperatures) + ","
                    + (humidities.isEmpty() ? ",," : summary(humidities)));
        });
        return rows;
    }

    private static String summary(List<BigDecimal> values) {
        BigDecimal min = values.stream().min(Comparator.naturalOrder()).orElseThrow();
        BigDecimal max = values.stream().max(Comparator.naturalOrder()).orElseThrow();
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        int scale = values.stream().mapToInt(v -> Math.max(0, v.scale())).max().orElseThrow();
        BigDecimal mean = sum.divide(BigDecimal.valueOf(values.size()), scale + 2, RoundingMode.HALF_EVEN);
        return min.toPlainString() + "," + max.toPlainString() + "," + mean.toPlainString();
    }
}
