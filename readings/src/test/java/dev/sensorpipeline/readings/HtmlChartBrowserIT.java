package dev.sensorpipeline.readings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sensorpipeline.model.SensorReading;
import dev.sensorpipeline.readings.chart.Chart;
import dev.sensorpipeline.readings.chart.HtmlPage;
import dev.sensorpipeline.readings.stats.Bucket;
import dev.sensorpipeline.testkit.ProjectFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The chart page in a real browser: Debian's headless Chromium, driven through Selenium's ChromeDriver, loads the
 * generated page from disk, as a user opens it, and the test waits until the page says it has drawn. Without
 * chromium or chromedriver the test fails, saying how to install them: it never skips.
 */
class HtmlChartBrowserIT {

    /** Debian's browser and its driver (apt-get install chromium chromium-driver; .ci/run installs them). */
    private static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary",
            "/usr/bin/chromedriver"));
    private static final Path OUT = ProjectFiles.resolve("readings/target/browser-it");
    private static final Duration DRAWN_WITHIN = Duration.ofSeconds(30);
    private static final String SCRIPT_CLOSING_ID = "probe</script><script>window.broken = true;</script>";

    private static ChromeDriver browser;

    @BeforeAll
    static void startBrowser() throws IOException {
        for (Path program : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(program)) {
                throw new AssertionError(program + " is missing: this test needs a real headless Chromium and its "
                        + "driver. Install them with 'apt-get install chromium chromium-driver' (.ci/run does), or "
                        + "name them with -Dchromium.binary=... -Dchromedriver.binary=...");
            }
        }
        Files.createDirectories(OUT);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--window-size=1400,1000", "--allow-file-access-from-files");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void page_drawsEverySensor_withNoConsoleError_evenOneWhoseIdClosesAScript() throws IOException {
        // given three sensors: one with humidity (a second axis), one without, one whose id holds </script>
        Map<String, List<SensorReading>> bySensor = new LinkedHashMap<>();
        bySensor.put("sensor-1", StoredReadings.series("sensor-1", 120, 1_764_400_000L, 60, 1, true));
        bySensor.put("sensor-2", StoredReadings.series("sensor-2", 90, 1_764_401_800L, 60, 2, false));
        bySensor.put(SCRIPT_CLOSING_ID, StoredReadings.series(SCRIPT_CLOSING_ID, 60, 1_764_400_000L, 120, 3, true));
        Path page = writePage("readings-page.html", bySensor, Optional.empty());

        // when
        open(page);

        // then
        assertThat(script("return window.chartSeriesCount")).isEqualTo(3L);
        assertThat(script("return window.chartSensors")).isEqualTo(new ArrayList<>(bySensor.keySet()));
        assertThat(script("return window.broken === undefined")).isEqualTo(true);
        assertThat(legendRows()).containsExactlyElementsOf(bySensor.keySet());
        assertThat(seriesLabels()).contains("sensor-1", "sensor-2", SCRIPT_CLOSING_ID, "sensor-1 humidity %");
        assertThat(severeLogs()).isEmpty();
        Files.write(OUT.resolve("readings-page.png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void bucketedPage_drawsEachSensorsMeanWithItsMinMaxBand() throws IOException {
        // given two sensors' readings in 5-minute buckets
        Map<String, List<SensorReading>> bySensor = new LinkedHashMap<>();
        bySensor.put("sensor-1", StoredReadings.series("sensor-1", 600, 1_764_400_000L, 20, 4, true));
        bySensor.put("gateway-1", StoredReadings.series("gateway-1", 300, 1_764_400_030L, 40, 5, false));
        Path page = writePage("readings-page-bucketed.html", bySensor, Bucket.parse("5m"));

        // when
        open(page);

        // then
        assertThat(script("return window.chartSeriesCount")).isEqualTo(2L);
        assertThat(legendRows()).containsExactly("sensor-1", "gateway-1");
        assertThat(seriesLabels()).contains("sensor-1 (mean)", "sensor-1 max", "sensor-1 min", "gateway-1 (mean)",
                "gateway-1 max", "gateway-1 min");
        assertThat(severeLogs()).isEmpty();
        Files.write(OUT.resolve("readings-page-bucketed.png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void consoleErrors_doReachTheTest_soThatTheirAbsenceMeansSomething() throws IOException {
        // given a page that logs an error
        Path page = OUT.resolve("console-error.html");
        Files.writeString(page, "<!DOCTYPE html><html><body><script>console.error('probe error');</script>"
                + "</body></html>", StandardCharsets.UTF_8);

        // when
        browser.get(page.toUri().toString());

        // then
        assertThat(severeLogs()).anyMatch(line -> line.contains("probe error"));
    }

    private static Path writePage(String name, Map<String, List<SensorReading>> bySensor, Optional<Bucket> bucket)
            throws IOException {
        Chart chart = Chart.of("Readings of the browser test", bySensor, bucket, Chart.DEFAULT_ALERT_HIGH,
                Chart.DEFAULT_ALERT_LOW);
        Path page = OUT.resolve(name);
        Files.writeString(page, HtmlPage.fromClassPath().render(chart), StandardCharsets.UTF_8);
        return page;
    }

    /** Loads the page from disk and waits until it says it has drawn; fails with the console's errors if not. */
    private static void open(Path page) {
        browser.get(page.toUri().toString());
        try {
            new WebDriverWait(browser, DRAWN_WITHIN).until(d -> Boolean.TRUE.equals(
                    ((JavascriptExecutor) d).executeScript("return window.chartReady === true")));
        } catch (TimeoutException e) {
            throw new AssertionError(page + " did not set window.chartReady within " + DRAWN_WITHIN
                    + "; the browser's errors: " + severeLogs(), e);
        }
    }

    private static Object script(String script) {
        return browser.executeScript(script);
    }

    /** The sensors the summary table under the chart lists, in its order. */
    private static List<String> legendRows() {
        return browser.findElements(By.cssSelector("#summary tbody tr.sensor")).stream()
                .map(row -> row.findElements(By.tagName("td")).get(0).getText().strip()).toList();
    }

    /** The labels of the series uPlot's own legend shows. */
    private static List<String> seriesLabels() {
        return browser.findElements(By.cssSelector(".u-legend .u-series .u-label")).stream()
                .map(WebElement::getText).map(String::strip).toList();
    }

    /** What the browser logged at SEVERE since the last call: errors, CSP refusals, failed loads. */
    private static List<String> severeLogs() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).collect(Collectors.toList());
    }
}
