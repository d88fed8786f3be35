package dev.sensorpipeline.readings.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sensorpipeline.model.SensorReading;
import dev.sensorpipeline.readings.stats.Bucket;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlPageTest {

    private static final String HOSTILE_ID = "</script><script>alert(1)</script><!-- \u2028\u2029 & \"quoted\"";
    private static final Pattern SCRIPT = Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL);
    /** Reads numbers as the exact decimals written, trailing zeros and all. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    @Test
    void aSensorIdClosingTheScript_staysInsideTheDataBlock_andReadsBackUnchanged() throws Exception {
        // given a sensor whose id would end the data block, comment it out and break old parsers' lines
        String page = HtmlPage.fromClassPath().render(chart(Map.of(HOSTILE_ID, List.of(
                reading(HOSTILE_ID, 100, "21.5", "40")))));

        // when the page is cut into its script elements as an HTML parser does: at the first </script>
        List<String[]> scripts = scripts(page);

        // then the data block, uPlot and the page's script, each whole; the data holds the id as it was
        assertThat(scripts).hasSize(3);
        assertThat(scripts.get(0)[0]).contains("type=\"application/json\"", "id=\"chart-data\"");
        assertThat(scripts.get(0)[1]).doesNotContain("<", ">", "&", "\u2028", "\u2029");
        JsonNode data = JSON.readTree(scripts.get(0)[1]);
        assertThat(data.get("sensors").get(0).get("id").textValue()).isEqualTo(HOSTILE_ID);
        assertThat(data.get("title").textValue()).isEqualTo("Readings of " + HOSTILE_ID);
    }

    @Test
    void theTitleElement_holdsTheTitleAsText() {
        // given / when
        String page = HtmlPage.fromClassPath().render(chart(Map.of(HOSTILE_ID, List.of(
                reading(HOSTILE_ID, 100, "21.5", null)))));

        // then
        assertThat(page).contains("<title>Readings of &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;!-- ");
    }

    @Test
    void theContentSecurityPolicy_allowsExactlyTheInlineScripts_byTheirHash() throws Exception {
        // given
        String page = HtmlPage.fromClassPath().render(chart(Map.of("sensor-1", List.of(
                reading("sensor-1", 100, "21.5", null)))));

        // when
        Matcher csp = Pattern.compile("http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\"").matcher(page);

        // then every script that runs (not the JSON block) is allowed by its SHA-256, nothing else, no source
        assertThat(csp.find()).isTrue();
        String policy = csp.group(1);
        assertThat(policy).contains("default-src 'none'");
        Matcher scriptSrc = Pattern.compile("script-src ([^;]*)").matcher(policy);
        assertThat(scriptSrc.find()).isTrue();
        List<String> hashes = new ArrayList<>();
        for (String[] script : scripts(page)) {
            if (!script[0].contains("application/json")) {
                hashes.add("'sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                        .digest(script[1].getBytes(StandardCharsets.UTF_8))) + "'");
            }
        }
        assertThat(hashes).hasSize(2);
        assertThat(scriptSrc.group(1).strip().split(" ")).containsExactlyInAnyOrderElementsOf(hashes);
        assertThat(page).doesNotContainPattern("<(link|img|iframe|object|embed)\\b")
                .doesNotContainPattern("<script[^>]* src=");
    }

    @Test
    void pageData_alignsEverySensorOnTheUnionOfTimes_withNullWhereItHasNoPoint_andExactNumbers() throws Exception {
        // given two sensors at partly different times, one with humidity
        Map<String, List<SensorReading>> bySensor = new LinkedHashMap<>();
        bySensor.put("a", List.of(reading("a", 10, "1.50", "40.25"), reading("a", 30, "-0.125", null)));
        bySensor.put("b", List.of(reading("b", 20, "100", null), reading("b", 30, "7.1", null)));

        // when
        JsonNode data = JSON.readTree(PageData.json(chart(bySensor)));

        // then
        assertThat(data.get("x")).extracting(JsonNode::longValue).containsExactly(10L, 20L, 30L);
        JsonNode a = data.get("sensors").get(0);
        JsonNode b = data.get("sensors").get(1);
        assertThat(texts(a.get("temperatureValues"))).containsExactly("1.50", null, "-0.125");
        assertThat(texts(a.get("humidityValues"))).containsExactly("40.25", null, null);
        assertThat(texts(b.get("temperatureValues"))).containsExactly(null, "100", "7.1");
        assertThat(a.get("hasHumidity").booleanValue()).isTrue();
        assertThat(b.get("hasHumidity").booleanValue()).isFalse();
        assertThat(a.get("min").textValue()).isEqualTo("-0.125");
        assertThat(a.get("max").textValue()).isEqualTo("1.50");
        assertThat(a.get("last").textValue()).isEqualTo("-0.125");
        assertThat(a.get("lastTime").longValue()).isEqualTo(30L);
        assertThat(data.get("bucket").isNull()).isTrue();
        assertThat(data.get("alertHigh").decimalValue()).isEqualByComparingTo("100");
        assertThat(data.get("alertLow").decimalValue()).isEqualByComparingTo("-40");
    }

    @Test
    void pageData_bucketed_givesEachBucketsMeanAndItsMinMaxBand_atTheBucketsStart() throws Exception {
        // given three readings in the minute from 60 and one in the next
        List<SensorReading> readings = List.of(reading("a", 61, "1", null), reading("a", 62, "2", null),
                reading("a", 119, "4", null), reading("a", 120, "10", null));
        Chart chart = Chart.of("t", Map.of("a", readings), Bucket.parse("1m"), Chart.DEFAULT_ALERT_HIGH,
                Chart.DEFAULT_ALERT_LOW);

        // when
        JsonNode data = JSON.readTree(PageData.json(chart));

        // then
        assertThat(data.get("bucket").textValue()).isEqualTo("1m");
        assertThat(data.get("x")).extracting(JsonNode::longValue).containsExactly(60L, 120L);
        JsonNode a = data.get("sensors").get(0);
        assertThat(texts(a.get("temperatureValues"))).containsExactly("2.33", "10.00");
        assertThat(texts(a.get("minValues"))).containsExactly("1", "10");
        assertThat(texts(a.get("maxValues"))).containsExactly("4", "10");
        assertThat(a.get("count").longValue()).isEqualTo(4L);
    }

    /** Each script element as an HTML parser cuts it: its attributes and its text up to the first closing tag. */
    private static List<String[]> scripts(String page) {
        List<String[]> scripts = new ArrayList<>();
        Matcher m = SCRIPT.matcher(page);
        while (m.find()) {
            scripts.add(new String[] {m.group(1), m.group(2)});
        }
        return scripts;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(v -> texts.add(v.isNull() ? null : v.decimalValue().toPlainString()));
        return texts;
    }

    private static Chart chart(Map<String, List<SensorReading>> bySensor) {
        return Chart.of("Readings of " + String.join(", ", bySensor.keySet()), bySensor, Optional.empty(),
                Chart.DEFAULT_ALERT_HIGH, Chart.DEFAULT_ALERT_LOW);
    }

    private static SensorReading reading(String sensorId, long time, String temperature, String humidity) {
        return new SensorReading(sensorId, time, new BigDecimal(temperature),
                humidity == null ? null : new BigDecimal(humidity));
    }
}
